package io.firebreak.paging;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.notification.Mailer;
import io.firebreak.notification.OutgoingMail;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;

/**
 * Pages the on-call of the team that owns the incident's service, and on a missed
 * acknowledgement the next person in that team's escalation chain (wrapping round to the
 * primary, as a repeating escalation policy does).
 */
@Service
public class Pager {

	private final Roster roster;
	private final IncidentLifecycle lifecycle;
	private final Mailer mailer;
	private final String baseUrl;

	Pager(Roster roster, IncidentLifecycle lifecycle, Mailer mailer, @Value("${firebreak.base-url}") String baseUrl) {
		this.roster = roster;
		this.lifecycle = lifecycle;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
	}

	/** Pages whoever stands at {@code level} of the chain and returns their user id. */
	public String page(IncidentKey key, int level, String unacknowledgedBy) {
		Incident incident = lifecycle.load(key);
		List<Person> chain = roster.onCallFor(incident.service());
		Person responder = chain.get(level % chain.size());
		mailer.send(new OutgoingMail(key.value(), level == 0 ? "page" : "escalation", List.of(responder.email()),
				subject(incident), body(incident, responder, unacknowledgedBy)));
		if (level == 0) {
			lifecycle.note(key, Kind.PAGED, null, "Paged " + responder.id() + " (primary on-call for "
					+ incident.service() + ")");
		}
		else {
			lifecycle.note(key, Kind.ESCALATED, null, "Not acknowledged by " + unacknowledgedBy + " in time; escalated to "
					+ responder.id() + " (escalation level " + level + ")");
		}
		return responder.id();
	}

	private static String subject(Incident incident) {
		return "%s[%s][%s] %s".formatted(incident.drill() ? "[DRILL]" : "",
				incident.severity() == null ? "UNTRIAGED" : incident.severity().name(), incident.key(), incident.title());
	}

	private String body(Incident incident, Person responder, String unacknowledgedBy) {
		return """
				%s, you are paged for %s%s.

				What:     %s
				Service:  %s
				Severity: %s (impact %s, urgency %s)
				%s
				Acknowledge the page in Tasklist: %s/camunda/app/tasklist/default/
				Incident page: %s/incidents/%s
				""".formatted(responder.firstName(), incident.key(), incident.drill() ? " (DRILL, not a real incident)" : "",
				incident.title(), incident.service(), incident.severity(), incident.impact().value(),
				incident.urgency().value(),
				unacknowledgedBy == null ? "" : "Escalated to you: " + unacknowledgedBy + " did not acknowledge in time.\n",
				baseUrl, baseUrl, incident.key());
	}
}
