package io.firebreak.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.IncidentResponseVariables;

/** One send of the resolution notice to the stakeholder audience (one mail, or one chat post). */
@Component
public class NotifyResolutionDelegate implements JavaDelegate {

	static final String AUDIENCE = "stakeholders";

	private final IncidentLifecycle lifecycle;
	private final NotificationTargets targets;
	private final Notifier notifier;
	private final String baseUrl;

	NotifyResolutionDelegate(IncidentLifecycle lifecycle, NotificationTargets targets, Notifier notifier,
			@Value("${firebreak.base-url}") String baseUrl) {
		this.lifecycle = lifecycle;
		this.targets = targets;
		this.notifier = notifier;
		this.baseUrl = baseUrl;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		Incident incident = lifecycle.load(variables.incidentKey());
		String target = variables.text(IncidentResponseVariables.DELIVERY_TARGET);
		notifier.send(targets.request(AUDIENCE, target, incident.key() + "/resolution", incident.key().value(),
				NotificationKind.RESOLUTION, incident.headline() + " resolved", incident.drill(),
				Map.of("incident", incident, "baseUrl", baseUrl, "resolutionSummary",
						variables.text(IncidentResponseVariables.RESOLUTION_SUMMARY))));
	}
}
