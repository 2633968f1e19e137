package io.firebreak.drill;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.notification.Channel;
import io.firebreak.notification.NotificationDeliveries;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationRequest;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;

/**
 * Mails an inject to the people working the drill: its role holders and the responder who
 * acknowledged, or before anyone has, whoever is on call for the service now. Responders only,
 * as every drill notice: never a mailing list, executives or customers.
 */
@Component
class DrillInjectNotices {

	private static final int SUBJECT_TEXT_MAX = 120;

	private final NotificationDeliveries deliveries;
	private final Roster roster;
	private final Clock clock;
	private final String baseUrl;

	DrillInjectNotices(NotificationDeliveries deliveries, Roster roster, Clock clock,
			@Value("${firebreak.base-url}") String baseUrl) {
		this.deliveries = deliveries;
		this.roster = roster;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	void tell(Incident incident, String injectId, String when, String text, List<String> alerts) {
		List<String> recipients = recipients(incident);
		if (recipients.isEmpty()) {
			return; // nobody on the roster to tell: the timeline has it
		}
		Map<String, Object> model = Map.of("incident", incident, "baseUrl", baseUrl, "when", when, "inject", text,
				"alerts", alerts);
		deliveries.queueEach(List.of(new NotificationRequest(incident.key() + "/drill/" + injectId,
				incident.key().value(), NotificationKind.DRILL_INJECT, Channel.EMAIL, recipients,
				"[DRILL][" + incident.key() + "] " + when + ": " + headline(text), true, model)));
	}

	private static String headline(String text) {
		return text.length() <= SUBJECT_TEXT_MAX ? text : text.substring(0, SUBJECT_TEXT_MAX - 1) + "…";
	}

	private List<String> recipients(Incident incident) {
		Set<String> people = new LinkedHashSet<>();
		Stream.of(incident.commander(), incident.communicationsLead(), incident.scribe(), incident.acknowledgedBy())
			.filter(Objects::nonNull)
			.forEach(people::add);
		if (incident.acknowledgedBy() == null) {
			roster.onCallFor(incident.service(), clock.instant()).forEach(person -> people.add(person.id()));
		}
		return people.stream().flatMap(id -> roster.person(id).stream()).map(Person::email).distinct().toList();
	}
}
