package io.firebreak.roster;

import java.time.Instant;

/**
 * Someone's time on call in one layer of a team: from a hand-off to the next. {@code reason} is
 * set when an override put them there (a swap or a holiday), null for the rotation's own turn.
 */
public record Shift(String team, String layer, String person, Instant from, Instant until, String reason) {

	public boolean covers(Instant at) {
		return !at.isBefore(from) && at.isBefore(until);
	}

	public boolean isOverride() {
		return reason != null;
	}

	Shift between(Instant start, Instant end) {
		return new Shift(team, layer, person, start, end, reason);
	}
}
