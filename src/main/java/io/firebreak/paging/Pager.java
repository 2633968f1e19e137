package io.firebreak.paging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import io.firebreak.roster.EscalationStep;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;
import io.firebreak.roster.Team;

/**
 * Pages a step of a team's escalation policy (the team that owns the incident's service, or one
 * the plan names), as the policy stands at the moment of the page: rotations hand off, so the
 * primary at 03:00 may not be the primary at 09:00. Every page carries a signed link that
 * acknowledges it without signing in.
 */
@Service
public class Pager {

	/** What a page did, for the plan's variables. */
	public record Page(String responder, int step, Duration ackTimeout, boolean last) {
	}

	/** How long the link of a page on the policy's last step stays good, as no escalation ends it. */
	static final Duration LAST_PAGE_LINK_VALIDITY = Duration.ofDays(1);

	private final Roster roster;
	private final IncidentLifecycle lifecycle;
	private final Notifier notifier;
	private final AcknowledgementLinks links;
	private final Clock clock;
	private final String baseUrl;

	Pager(Roster roster, IncidentLifecycle lifecycle, Notifier notifier, AcknowledgementLinks links, Clock clock,
			@Value("${firebreak.base-url}") String baseUrl) {
		this.roster = roster;
		this.lifecycle = lifecycle;
		this.notifier = notifier;
		this.links = links;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/**
	 * Pages step {@code step} of the escalation of {@code team} (null: the team that owns the
	 * incident's service), or the last step if the policy has fewer. {@code unacknowledgedBy} is
	 * whoever missed the acknowledgement when this is an escalation, null for a first page;
	 * {@code severityTimeout} is the acknowledgement timeout of the incident's severity, used by
	 * levels that set none.
	 */
	public Page page(IncidentKey key, String processInstanceId, String team, int step, String unacknowledgedBy,
			Duration severityTimeout) {
		Incident incident = lifecycle.load(key);
		Team paged = team == null ? roster.teamOf(incident.service()) : roster.requireTeam("pageTeam", team);
		Instant now = clock.instant();
		List<EscalationStep> steps = roster.escalationAt(paged, now);
		EscalationStep current = steps.get(Math.min(step, steps.size() - 1));
		Person responder = responderOf(current, incident);
		Duration timeout = current.ackTimeout() == null ? severityTimeout : current.ackTimeout();
		// Noted before the send, so the timeline reads "Paged", then how the page was delivered.
		String who = current.people().stream().map(Person::id).collect(Collectors.joining(", "));
		String where = "step " + (current.number() + 1) + " of " + steps.size() + ": " + current.description();
		if (unacknowledgedBy != null) {
			lifecycle.note(key, Kind.ESCALATED, null, "Not acknowledged by " + unacknowledgedBy + " in time; escalated to "
					+ who + " (" + where + ")");
		}
		else {
			lifecycle.note(key, Kind.PAGED, null, "Paged " + who + " (" + where
					+ (team == null ? ", for " + incident.service() : "") + ")");
		}
		Instant linkExpiry = now.plus(current.last() ? LAST_PAGE_LINK_VALIDITY : timeout);
		for (Person person : current.people()) {
			Map<String, Object> model = new HashMap<>();
			model.put("incident", incident);
			model.put("responder", person);
			model.put("baseUrl", baseUrl);
			model.put("level", current.number() + 1);
			model.put("stepDescription", current.description());
			model.put("ackTimeoutMinutes", Math.max(1, timeout.toMinutes()));
			model.put("acknowledgeUrl", baseUrl + AcknowledgementController.PATH + links.issue(
					new AcknowledgementLink(processInstanceId, current.number(), person.id(), linkExpiry)));
			if (unacknowledgedBy != null) {
				model.put("unacknowledgedBy", unacknowledgedBy);
			}
			NotificationKind kind = unacknowledgedBy != null ? NotificationKind.ESCALATION : NotificationKind.PAGE;
			// A named team has its own keys: paging it must not find the service team's page already sent.
			// A step that pages several people (the commanders) gives each a key of their own.
			String notificationKey = key + "/page/" + (team == null ? "" : team + "/") + current.number()
					+ (current.people().size() > 1 ? "/" + person.id() : "");
			notifier.send(new NotificationRequest(notificationKey, key.value(), kind, Channel.EMAIL,
					List.of(person.email()), incident.headline(), incident.drill(), model));
		}
		return new Page(responder.id(), current.number(), timeout, current.last());
	}

	/** The one the acknowledgement task is assigned to: the incident's own commander when the commanders are paged. */
	private static Person responderOf(EscalationStep step, Incident incident) {
		return step.people().stream()
			.filter(person -> person.id().equals(incident.commander()))
			.findFirst()
			.orElse(step.people().get(0));
	}
}
