package io.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationLevel;
import biweekly.parameter.ParticipationStatus;
import biweekly.property.Attendee;
import biweekly.property.Method;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;

/** The review's invitation, read back as a calendar client reads it. */
class ReviewInvitationTests {

	static final Instant START = Instant.parse("2026-12-01T14:00:00Z");
	static final String URL = "https://fb.example/postmortems/INC-2026-0042";

	final Roster roster = new Roster(List.of(new Person("ic", "Iris Commander", "ic@firebreak.example", List.of()),
			new Person("oncall", "Omar Oncall", "oncall@firebreak.example", List.of()),
			new Person("comms", "Carla Comms", "comms@firebreak.example", List.of())), List.of(), List.of());

	final ReviewInvitation invitation = new ReviewInvitation(roster,
			Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC), "firebreak.example", "https://fb.example");

	@Test
	void isAMeetingRequestForEveryParticipantFromTheOrganizer() {
		String ics = invitation.ics("INC-2026-0042", "Checkout errors", START, Duration.ofHours(1), "ic",
				List.of("oncall", "comms"), URL);

		ICalendar calendar = Biweekly.parse(ics).first();
		assertThat(calendar).as("parses as iCalendar:\n%s", ics).isNotNull();
		assertThat(calendar.getMethod().getValue()).isEqualTo(Method.REQUEST);
		assertThat(calendar.getProductId().getValue()).contains("Firebreak");
		assertThat(calendar.getEvents()).hasSize(1);
		VEvent event = calendar.getEvents().get(0);
		assertThat(event.getUid().getValue()).isEqualTo("INC-2026-0042-review@firebreak.example");
		assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(START);
		assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
		assertThat(ics).as("in UTC").contains("DTSTART:20261201T140000Z", "DTEND:20261201T150000Z");
		assertThat(event.getSummary().getValue()).isEqualTo("Post-incident review: INC-2026-0042 Checkout errors");
		assertThat(event.getDescription().getValue()).contains(URL);
		assertThat(event.getOrganizer().getEmail()).isEqualTo("ic@firebreak.example");
		assertThat(event.getOrganizer().getCommonName()).isEqualTo("Iris Commander");

		assertThat(event.getAttendees()).extracting(Attendee::getEmail)
			.containsExactly("oncall@firebreak.example", "comms@firebreak.example");
		assertThat(event.getAttendees()).extracting(Attendee::getCommonName).containsExactly("Omar Oncall", "Carla Comms");
		assertThat(event.getAttendees()).allSatisfy(attendee -> {
			assertThat(attendee.getRsvp()).isTrue();
			assertThat(attendee.getParticipationLevel()).isEqualTo(ParticipationLevel.REQUIRED);
			assertThat(attendee.getParticipationStatus()).isEqualTo(ParticipationStatus.NEEDS_ACTION);
		});
		assertThat(ics).contains("ORGANIZER;CN=Iris Commander:mailto:ic@firebreak.example", "ROLE=REQ-PARTICIPANT",
				"PARTSTAT=NEEDS-ACTION", "RSVP=TRUE", "mailto:oncall@firebreak.example");
	}

	@Test
	void aRescheduledMeetingUpdatesTheSameEvent() {
		String first = invitation.ics("INC-2026-0042", "Checkout errors", START, Duration.ofHours(1), "ic",
				List.of("oncall"), URL);
		String moved = invitation.ics("INC-2026-0042", "Checkout errors", START.plus(Duration.ofDays(1)),
				Duration.ofMinutes(90), "ic", List.of("oncall", "comms"), URL);

		assertThat(uid(moved)).isEqualTo(uid(first));
		assertThat(uid(invitation.ics("INC-2026-0043", "Other", START, Duration.ofHours(1), "ic", List.of("oncall"),
				URL))).isNotEqualTo(uid(first));
	}

	@Test
	void peopleTheRosterDoesNotKnowAreNamed() {
		assertThatThrownBy(() -> invitation.ics("INC-2026-0042", "Checkout errors", START, Duration.ofHours(1), "ic",
				List.of("oncall", "ghost", "nobody"), URL)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ghost, nobody")
			.hasMessageNotContaining("oncall");
		assertThatThrownBy(() -> invitation.ics("INC-2026-0042", "Checkout errors", START, Duration.ofHours(1), "boss",
				List.of("oncall"), URL)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boss");
	}

	@Test
	void theMailModelSaysWhenInUtcAndWhoByName() {
		assertThat(invitation.model(null, START, Duration.ofHours(1), "ic", List.of("oncall", "comms")))
			.containsEntry("reviewWhen", "Tue 1 Dec 2026, 14:00–15:00 UTC")
			.containsEntry("organizer", "Iris Commander")
			.containsEntry("participants", List.of("Omar Oncall", "Carla Comms"))
			.containsEntry("baseUrl", "https://fb.example");
		assertThat(invitation.recipients(List.of("oncall", "comms")))
			.containsExactly("oncall@firebreak.example", "comms@firebreak.example");
		assertThat(invitation.postmortemUrl("INC-2026-0042")).isEqualTo(URL);
	}

	private static String uid(String ics) {
		return Biweekly.parse(ics).first().getEvents().get(0).getUid().getValue();
	}
}
