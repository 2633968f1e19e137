package io.firebreak.notification;

import static io.firebreak.incident.IncidentResponseVariables.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.notification.NoticeParts.Notice;

/**
 * The "Notify audiences" building block (template {@code io.firebreak.NotifyAudiences}): sends a
 * notice to every audience of {@code config/audiences.yaml} that the incident's severity reaches,
 * each its part: the tactical update (conditions, actions, needs), the executive summary
 * (current status, overview, next steps) or the customer message, which also goes to the public
 * status page. Input {@code notice}: {@code initial} (after the assessment), {@code update} (from
 * the status update form's variables) or {@code resolution}. Deliveries are queued
 * ({@link NotificationDeliveries}), so a failing channel never holds the plan.
 */
@Component
public class NotifyAudiencesDelegate implements JavaDelegate {

	private final IncidentLifecycle lifecycle;
	private final Audiences audiences;
	private final NotificationTargets targets;
	private final NotificationDeliveries deliveries;
	private final NoticeParts parts;
	private final ObjectProvider<CustomerUpdatePublisher> statusPage;
	private final Clock clock;

	NotifyAudiencesDelegate(IncidentLifecycle lifecycle, Audiences audiences, NotificationTargets targets,
			NotificationDeliveries deliveries, NoticeParts parts, ObjectProvider<CustomerUpdatePublisher> statusPage,
			Clock clock) {
		this.lifecycle = lifecycle;
		this.audiences = audiences;
		this.targets = targets;
		this.deliveries = deliveries;
		this.parts = parts;
		this.statusPage = statusPage;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		Notice notice = Notice.of(execution.getVariableLocal(NOTICE));
		Incident incident = lifecycle.load(variables.incidentKey());
		String severity = incident.severity() == null ? null : incident.severity().name();
		// a retried job finds the number it had: the variable is written in the same transaction
		int number = notice == Notice.UPDATE ? nextUpdateNumber(variables) : 0;
		String keyPrefix = incident.key() + "/notice/" + notice.name().toLowerCase(Locale.ROOT)
				+ (number > 0 ? "/" + number : "");
		List<String> heard = new ArrayList<>();
		List<NotificationRequest> requests = new ArrayList<>();
		for (Audience audience : audiences.reachedBy(severity, incident.type().value(), incident.drill())) {
			// nothing a person wrote for customers before the first update: they get no part yet
			parts.of(notice, number, audience.receives(), incident, variables).ifPresent(part -> {
				heard.add(audience.name());
				targets.forAudience(audience.id(), incident.drill()).forEach(target -> requests.add(targets.request(
						audience.id(), target, keyPrefix + "/" + audience.id(), incident.key().value(), part.kind(),
						part.subject(), incident.drill(), part.model())));
				if (audience.receives() == Audience.Part.CUSTOMER && !incident.drill()) {
					statusPage.ifAvailable(page -> page.publish(incident.key(), part.customerStatus(),
							part.customerMessage(), actor(variables), clock.instant()));
				}
			});
		}
		// noted first, so the timeline reads the notice, then how each of its deliveries went
		lifecycle.note(incident.key(), Kind.STATUS_UPDATE, actor(variables),
				NoticeParts.describe(notice, number, heard, variables));
		deliveries.queueEach(requests);
	}

	private static int nextUpdateNumber(IncidentResponseVariables variables) {
		Integer previous = variables.number(STATUS_UPDATE_NUMBER);
		int number = previous == null ? 1 : previous + 1;
		variables.set(STATUS_UPDATE_NUMBER, number);
		return number;
	}

	/** Who speaks for the incident: the communications lead, else the commander. */
	private static String actor(IncidentResponseVariables variables) {
		String lead = variables.text(COMMUNICATIONS_LEAD);
		return lead != null ? lead : variables.text(COMMANDER);
	}
}
