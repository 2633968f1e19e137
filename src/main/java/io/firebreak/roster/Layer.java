package io.firebreak.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One layer of a team's on-call schedule (primary, secondary, ...): its members take turns, each
 * for a day or a week, handing off at {@code handOff} local time in the layer's time zone. The
 * first turn starts on {@code start} (for a weekly rotation that date's weekday is the hand-off
 * day). Hand-offs follow the wall clock, so across a daylight-saving change a shift is an hour
 * shorter or longer, as people expect of "09:00 every Monday".
 */
public record Layer(String id, String name, String rotation, String start, String handOff, String timeZone,
		List<String> members) {

	public Layer {
		members = members == null ? List.of() : List.copyOf(members);
	}

	/** The days a turn lasts: 1 for a daily rotation, 7 for a weekly one; 0 if the rotation is not known. */
	int turnDays() {
		return switch (rotation == null ? "" : rotation.toLowerCase(Locale.ROOT)) {
			case "daily" -> 1;
			case "weekly" -> 7;
			default -> 0;
		};
	}

	public String displayName() {
		return name == null || name.isBlank() ? id : name;
	}

	/** The turn running at {@code at}, before overrides; empty before the rotation starts. */
	Optional<Shift> turnAt(String team, Instant at, ZoneId zone) {
		LocalDate startDate = LocalDate.parse(start);
		LocalTime handOffTime = LocalTime.parse(handOff);
		if (at.isBefore(handOffOf(0, startDate, handOffTime, zone))) {
			return Optional.empty();
		}
		long days = ChronoUnit.DAYS.between(startDate, at.atZone(zone).toLocalDate());
		long turn = Math.floorDiv(days, turnDays());
		// the date says which turn; the hand-off instant on that date decides at its edges
		while (turn > 0 && at.isBefore(handOffOf(turn, startDate, handOffTime, zone))) {
			turn--;
		}
		while (!at.isBefore(handOffOf(turn + 1, startDate, handOffTime, zone))) {
			turn++;
		}
		return Optional.of(turn(team, turn, startDate, handOffTime, zone));
	}

	/** The turns that overlap {@code from}..{@code until}, before overrides. */
	List<Shift> turnsBetween(String team, Instant from, Instant until, ZoneId zone) {
		List<Shift> turns = new ArrayList<>();
		LocalDate startDate = LocalDate.parse(start);
		LocalTime handOffTime = LocalTime.parse(handOff);
		Instant first = handOffOf(0, startDate, handOffTime, zone);
		Optional<Shift> current = turnAt(team, from.isBefore(first) ? first : from, zone);
		long turn = current.map(shift -> ChronoUnit.DAYS.between(startDate,
				shift.from().atZone(zone).toLocalDate()) / turnDays()).orElse(0L);
		while (true) {
			Shift next = turn(team, turn++, startDate, handOffTime, zone);
			if (!next.from().isBefore(until)) {
				return turns;
			}
			turns.add(next);
		}
	}

	private Shift turn(String team, long turn, LocalDate startDate, LocalTime handOffTime, ZoneId zone) {
		String person = members.get((int) Math.floorMod(turn, (long) members.size()));
		return new Shift(team, id, person, handOffOf(turn, startDate, handOffTime, zone),
				handOffOf(turn + 1, startDate, handOffTime, zone), null);
	}

	private Instant handOffOf(long turn, LocalDate startDate, LocalTime handOffTime, ZoneId zone) {
		// in a spring-forward gap ZonedDateTime moves the time on by the gap, as a wall clock does
		return ZonedDateTime.of(startDate.plusDays(turn * turnDays()), handOffTime, zone).toInstant();
	}
}
