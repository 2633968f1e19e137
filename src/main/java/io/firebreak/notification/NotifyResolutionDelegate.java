package io.firebreak.notification;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.IncidentResponseVariables;

/**
 * The "Notify" building block: sends the resolution notice to an audience of
 * {@code config/audiences.yaml} (input {@code audience}, default {@value #DEFAULT_AUDIENCE}).
 * As a multi-instance step over {@code notificationTargets.forAudience(...)} each instance sends
 * to its {@code deliveryTarget}; as a plain step it sends to every target of the audience in turn.
 * Each target's notification has its own key and is delivered by a job of its own
 * ({@link NotificationDeliveries}), so a failing channel never holds the plan.
 */
@Component
public class NotifyResolutionDelegate implements JavaDelegate {

	static final String DEFAULT_AUDIENCE = "stakeholders";

	private final IncidentLifecycle lifecycle;
	private final NotificationTargets targets;
	private final NotificationDeliveries deliveries;
	private final String baseUrl;

	NotifyResolutionDelegate(IncidentLifecycle lifecycle, NotificationTargets targets, NotificationDeliveries deliveries,
			@Value("${firebreak.base-url}") String baseUrl) {
		this.lifecycle = lifecycle;
		this.targets = targets;
		this.deliveries = deliveries;
		this.baseUrl = baseUrl;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		Incident incident = lifecycle.load(variables.incidentKey());
		String audience = audience(execution.getVariableLocal(IncidentResponseVariables.AUDIENCE));
		String target = variables.text(IncidentResponseVariables.DELIVERY_TARGET);
		List<String> sends = target != null ? List.of(target) : targets.forAudience(audience, incident.drill());
		// The stakeholders' keys stay what they always were; another audience gets keys of its own.
		String keyPrefix = incident.key() + "/resolution" + (DEFAULT_AUDIENCE.equals(audience) ? "" : "/" + audience);
		Map<String, Object> model = Map.of("incident", incident, "baseUrl", baseUrl, "resolutionSummary",
				Objects.requireNonNullElse(variables.text(IncidentResponseVariables.RESOLUTION_SUMMARY), ""));
		deliveries.queueEach(sends.stream()
			.map(each -> targets.request(audience, each, keyPrefix, incident.key().value(), NotificationKind.RESOLUTION,
					incident.headline() + " resolved", incident.drill(), model))
			.toList());
	}

	private static String audience(Object input) {
		return input == null || input.toString().isBlank() ? DEFAULT_AUDIENCE : input.toString().strip();
	}
}
