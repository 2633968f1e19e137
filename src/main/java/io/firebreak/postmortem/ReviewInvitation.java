package io.firebreak.postmortem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationLevel;
import biweekly.parameter.ParticipationStatus;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import io.firebreak.incident.Incident;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;

/**
 * The post-incident review meeting as a calendar invitation (iCalendar METHOD:REQUEST, written by
 * biweekly), to send with the {@code REVIEW_INVITATION} mail, and that mail's template model.
 * People are roster ids; the invitation addresses them by their roster mail.
 */
@Component
public class ReviewInvitation {

	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm",
			Locale.ENGLISH).withZone(ZoneOffset.UTC);
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

	private final Roster roster;
	private final Clock clock;
	private final String mailDomain;
	private final String baseUrl;

	ReviewInvitation(Roster roster, Clock clock, @Value("${firebreak.mail.message-id-domain}") String mailDomain,
			@Value("${firebreak.base-url}") String baseUrl) {
		this.roster = roster;
		this.clock = clock;
		this.mailDomain = mailDomain;
		this.baseUrl = baseUrl;
	}

	/**
	 * The invitation to the review of {@code incidentKey}: one event from {@code start} for
	 * {@code length}, organised by {@code organizer}, every participant a required attendee asked to
	 * reply. Its UID depends on the incident alone, so an invitation sent again for a rescheduled
	 * meeting moves the event already in people's calendars instead of adding a second one.
	 *
	 * @throws IllegalArgumentException naming the organizer or participants the roster does not know
	 */
	public String ics(String incidentKey, String title, Instant start, Duration length, String organizer,
			List<String> participants, String url) {
		Person chair = people(List.of(organizer)).get(0);
		List<Person> attendees = people(participants);
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//Firebreak//Post-incident review//EN");
		calendar.setMethod(Method.request());
		VEvent event = new VEvent();
		event.setUid(incidentKey + "-review@" + mailDomain);
		event.setDateTimeStamp(Date.from(clock.instant()));
		event.setDateStart(Date.from(start), true);
		event.setDateEnd(Date.from(start.plus(length)), true);
		event.setSummary("Post-incident review: " + incidentKey + " " + title);
		event.setDescription("The post-incident review of " + incidentKey + " (" + title + ").\n\nThe postmortem: " + url);
		event.setUrl(url);
		event.setOrganizer(new Organizer(chair.name(), chair.email()));
		for (Person person : attendees) {
			Attendee attendee = new Attendee(person.name(), person.email());
			attendee.setParticipationLevel(ParticipationLevel.REQUIRED);
			attendee.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
			attendee.setRsvp(true);
			event.addAttendee(attendee);
		}
		calendar.addEvent(event);
		return Biweekly.write(calendar).go();
	}

	/** Where the incident's postmortem is read, as the invitation and its mail link to it. */
	public String postmortemUrl(String incidentKey) {
		return baseUrl + "/postmortems/" + incidentKey;
	}

	/** The participants' mail addresses, for the invitation's recipients. */
	public List<String> recipients(List<String> participants) {
		return people(participants).stream().map(Person::email).toList();
	}

	/**
	 * The model of the {@code REVIEW_INVITATION} mail templates: {@code incident}, {@code baseUrl},
	 * {@code reviewWhen} (e.g. "Tue 1 Dec 2026, 14:00–15:00 UTC"), {@code organizer} and
	 * {@code participants} (names).
	 */
	public Map<String, Object> model(Incident incident, Instant start, Duration length, String organizer,
			List<String> participants) {
		Map<String, Object> model = new HashMap<>();
		model.put("incident", incident);
		model.put("baseUrl", baseUrl);
		model.put("reviewWhen", DAY_AND_TIME.format(start) + "–" + TIME.format(start.plus(length)) + " UTC");
		model.put("organizer", people(List.of(organizer)).get(0).name());
		model.put("participants", people(participants).stream().map(Person::name).toList());
		return model;
	}

	// The review form checks its participants against the roster; one removed since is named here.
	private List<Person> people(List<String> ids) {
		List<String> unknown = ids.stream().filter(id -> roster.person(id).isEmpty()).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Not in the roster: " + String.join(", ", unknown)
					+ "; invite people by their roster id");
		}
		return new LinkedHashSet<>(ids).stream().map(id -> roster.person(id).orElseThrow()).toList();
	}
}
