package io.firebreak.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;

/**
 * A person's on-call shifts as an iCalendar feed (RFC 5545, written by biweekly), for calendar
 * apps to subscribe to: every team and layer, from two weeks back (so this week's past shifts
 * stay visible) to 90 days ahead. Back-to-back turns of one layer (a one-person rotation, or
 * two turns in a row) are one event, as people think of them; an override stays an event of its
 * own, with its reason.
 */
@Component
class OnCallCalendar {

	static final Duration PAST = Duration.ofDays(14);
	static final Duration AHEAD = Duration.ofDays(90);

	private final Roster roster;
	private final Clock clock;

	OnCallCalendar(Roster roster, Clock clock) {
		this.roster = roster;
		this.clock = clock;
	}

	/**
	 * The shifts of {@code person} around now, one per turn or override, ordered by start. Turns are
	 * not merged: a shift's bounds are hand-offs, whatever the window, so its UID stays the same
	 * from one fetch to the next and calendar apps update events instead of replacing them.
	 */
	List<Shift> shiftsOf(Person person) {
		Instant now = clock.instant();
		List<Shift> shifts = new ArrayList<>();
		for (Team team : roster.teams()) {
			team.shiftsBetween(now.minus(PAST), now.plus(AHEAD)).stream()
				.filter(shift -> shift.person().equals(person.id()))
				.forEach(shifts::add);
		}
		shifts.sort(java.util.Comparator.comparing(Shift::from));
		return shifts;
	}

	String ics(Person person) {
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//Firebreak//On-call calendar//EN");
		calendar.setName("On call: " + person.name());
		Date stamp = Date.from(clock.instant());
		for (Shift shift : shiftsOf(person)) {
			Team team = roster.team(shift.team()).orElseThrow();
			VEvent event = new VEvent();
			// stable across fetches, so that a calendar app updates an event instead of adding it twice
			event.setUid(shift.team() + "/" + shift.layer() + "/" + shift.person() + "/" + shift.from() + "@firebreak");
			event.setDateTimeStamp(stamp);
			event.setSummary(summary(team, shift));
			event.setDescription(description(team, shift));
			event.setDateStart(Date.from(shift.from()), true);
			event.setDateEnd(Date.from(shift.until()), true);
			calendar.addEvent(event);
		}
		return Biweekly.write(calendar).go();
	}

	static String summary(Team team, Shift shift) {
		String layer = team.layer(shift.layer()).map(Layer::displayName).orElse(shift.layer());
		return "On call: " + team.name() + " " + Character.toLowerCase(layer.charAt(0)) + layer.substring(1)
				+ (shift.isOverride() ? " (override)" : "");
	}

	private String description(Team team, Shift shift) {
		StringBuilder text = new StringBuilder();
		if (shift.isOverride()) {
			text.append("Override: ").append(shift.reason()).append("\n\n");
		}
		text.append("If a page is not acknowledged, it escalates (as at the start of this shift):\n");
		for (EscalationStep step : roster.escalationAt(team, shift.from())) {
			text.append(step.number() + 1).append(". ").append(step.description()).append(": ")
				.append(step.people().stream().map(Person::name).collect(Collectors.joining(", ")))
				.append(step.ackTimeout() == null ? "" : " (" + OnCall.readable(step.ackTimeout().toString()) + " to acknowledge)")
				.append("\n");
		}
		return text.toString().strip();
	}
}
