package io.firebreak.roster;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A swap or a holiday: {@code person} takes {@code layer}'s shifts from {@code from} until
 * {@code until}. Times are ISO dates ({@code 2026-12-24}: midnight), local date-times
 * ({@code 2026-12-24T09:00}) in the team's time zone, or date-times with an offset.
 */
public record ShiftOverride(String layer, String person, String from, String until, String reason) {

	Instant fromIn(ZoneId zone) {
		return instant(from, zone);
	}

	Instant untilIn(ZoneId zone) {
		return instant(until, zone);
	}

	String describe() {
		return reason == null || reason.isBlank() ? "override" : reason;
	}

	static Instant instant(String text, ZoneId zone) {
		if (text == null) {
			throw new DateTimeException("is missing");
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException notWithOffset) {
			try {
				return LocalDateTime.parse(text).atZone(zone).toInstant();
			}
			catch (DateTimeException notLocal) {
				return LocalDate.parse(text).atStartOfDay(zone).toInstant();
			}
		}
	}
}
