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
 * Pages the on-call of the team that owns the incident's service (or of a team the plan names),
 * and on a missed acknowledgement the next person in that team's escalation chain (wrapping
 * round to the primary, as a repeating escalation policy does).
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

	/**
	 * Pages whoever stands at {@code level} of the chain of {@code team} (null: the team that owns
	 * the incident's service) and returns their user id. {@code unacknowledgedBy} is whoever missed
	 * the acknowledgement when this is an escalation, null for a first page.
	 */
	public String page(IncidentKey key, String team, int level, String unacknowledgedBy) {
		Incident incident = lifecycle.load(key);
		List<Person> chain = team == null ? roster.onCallFor(incident.service()) : roster.chainAt(roster.requireTeam("pageTeam", team), java.time.Instant.now());
		Person responder = chain.get(level % chain.size());
		Map<String, Object> model = new HashMap<>();
		model.put("incident", incident);
		model.put("responder", responder);
		model.put("baseUrl", baseUrl);
		model.put("level", level);
		if (unacknowledgedBy != null) {
			model.put("unacknowledgedBy", unacknowledgedBy);
		}
		boolean escalation = unacknowledgedBy != null && level > 0;
		NotificationKind kind = escalation ? NotificationKind.ESCALATION : NotificationKind.PAGE;
		// Noted before the send, so the timeline reads "Paged", then how the page was delivered
		// (they used to swap places whenever the send crossed a millisecond).
		if (escalation) {
			lifecycle.note(key, Kind.ESCALATED, null, "Not acknowledged by " + unacknowledgedBy
					+ " in time; escalated to " + responder.id() + " (escalation level " + level + ")");
		}
		else {
			lifecycle.note(key, Kind.PAGED, null, "Paged " + responder.id() + " (" + position(level)
					+ (team == null ? " for " + incident.service() : " of team " + team) + ")");
		}
		// A named team has its own keys: paging it must not find the service team's page already sent.
		String notificationKey = key + "/page/" + (team == null ? "" : team + "/") + level;
		notifier.send(new NotificationRequest(notificationKey, key.value(), kind, Channel.EMAIL,
				List.of(responder.email()), incident.headline(), incident.drill(), model));
		return responder.id();
	}

	private static String position(int level) {
		return level == 0 ? "primary on-call" : "on-call at escalation level " + level;
	}
}
