package io.firebreak.paging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.notification.Channel;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationRequest;
import io.firebreak.notification.Notifier;
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
	private final Notifier notifier;
	private final String baseUrl;

	Pager(Roster roster, IncidentLifecycle lifecycle, Notifier notifier, @Value("${firebreak.base-url}") String baseUrl) {
		this.roster = roster;
		this.lifecycle = lifecycle;
		this.notifier = notifier;
		this.baseUrl = baseUrl;
	}

	/** Pages whoever stands at {@code level} of the chain and returns their user id. */
	public String page(IncidentKey key, int level, String unacknowledgedBy) {
		Incident incident = lifecycle.load(key);
		List<Person> chain = roster.onCallFor(incident.service());
		Person responder = chain.get(level % chain.size());
		Map<String, Object> model = new HashMap<>();
		model.put("incident", incident);
		model.put("responder", responder);
		model.put("baseUrl", baseUrl);
		model.put("level", level);
		if (unacknowledgedBy != null) {
			model.put("unacknowledgedBy", unacknowledgedBy);
		}
		NotificationKind kind = level == 0 ? NotificationKind.PAGE : NotificationKind.ESCALATION;
		// Noted before the send, so the timeline reads "Paged", then how the page was delivered
		// (they used to swap places whenever the send crossed a millisecond).
		if (level == 0) {
			lifecycle.note(key, Kind.PAGED, null,
					"Paged " + responder.id() + " (primary on-call for " + incident.service() + ")");
		}
		else {
			lifecycle.note(key, Kind.ESCALATED, null, "Not acknowledged by " + unacknowledgedBy
					+ " in time; escalated to " + responder.id() + " (escalation level " + level + ")");
		}
		notifier.send(new NotificationRequest(key + "/page/" + level, key.value(), kind, Channel.EMAIL,
				List.of(responder.email()), incident.headline(), incident.drill(), model));
		return responder.id();
	}
}
