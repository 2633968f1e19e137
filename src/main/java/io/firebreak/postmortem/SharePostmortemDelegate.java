package io.firebreak.postmortem;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.notification.Audiences;
import io.firebreak.notification.NotificationDeliveries;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationTargets;

/**
 * The "Share postmortem" building block (template {@code io.firebreak.SharePostmortem}): mails
 * the published report's summary and link to the audience named by input {@code audience}. Each
 * delivery is its own retried job, so a failing channel never holds the incident open.
 */
@Component
public class SharePostmortemDelegate implements JavaDelegate {

	private final Postmortems postmortems;
	private final Audiences audiences;
	private final NotificationTargets targets;
	private final NotificationDeliveries deliveries;
	private final IncidentLifecycle lifecycle;
	private final String baseUrl;

	SharePostmortemDelegate(Postmortems postmortems, Audiences audiences, NotificationTargets targets,
			NotificationDeliveries deliveries, IncidentLifecycle lifecycle, @Value("${firebreak.base-url}") String baseUrl) {
		this.postmortems = postmortems;
		this.audiences = audiences;
		this.targets = targets;
		this.deliveries = deliveries;
		this.lifecycle = lifecycle;
		this.baseUrl = baseUrl;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		String audience = audiences.require(String.valueOf(execution.getVariableLocal("audience"))).id();
		Incident incident = lifecycle.load(variables.incidentKey());
		PostmortemReport report = postmortems.report(incident.key())
			.orElseThrow(() -> new IllegalStateException("Share postmortem: " + incident.key() + " has no postmortem yet; "
					+ "place this step after 'Publish postmortem'"));
		Map<String, Object> model = Map.of("incident", incident, "baseUrl", baseUrl, "reviewSummary",
				report.postmortem().sections().summary() == null ? "" : report.postmortem().sections().summary());
		String subject = (incident.drill() ? "[DRILL] " : "") + "Postmortem published: " + incident.key() + " "
				+ incident.title();
		deliveries.queueEach(targets.forAudience(audience, incident.drill()).stream()
			.map(target -> targets.request(audience, target, incident.key() + "/postmortem/" + audience,
					incident.key().value(), NotificationKind.POSTMORTEM_PUBLISHED, subject, incident.drill(), model))
			.toList());
	}
}
