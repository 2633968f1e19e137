package io.firebreak.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.firebreak.system.InvalidInput;

/**
 * The bounds of a {@code datetime} field: Firebreak's field properties {@code firebreak.notBefore} and
 * {@code firebreak.notAfter}, each {@code now} (the engine's clock) or the name of a process variable
 * holding a date ({@link Date}, an ISO date or date-time text), and form-js's own
 * {@code disallowPassedDates} (the same as {@code notBefore: now}). A date field compares dates, today
 * allowed; a date-and-time field compares instants (to the minute, as form-js picks them), or dates when
 * the bound is a date. Time-only fields have no bounds.
 */
record DateBounds(String subtype, String notBefore, String notAfter) {

	private static final Logger log = LoggerFactory.getLogger(DateBounds.class);

	static final String NOT_BEFORE = "firebreak.notBefore";
	static final String NOT_AFTER = "firebreak.notAfter";
	static final String NOW = "now";

	/** Either a date or an instant. */
	private record When(LocalDate date, Instant instant) {

		LocalDate date(ZoneId zone) {
			return date != null ? date : instant.atZone(zone).toLocalDate();
		}
	}

	boolean bounded() {
		return !"time".equals(subtype) && (notBefore != null || notAfter != null);
	}

	void check(FormField field, Object value, Submission submission) {
		if (!bounded()) {
			return;
		}
		ZoneId zone = submission.clock().getZone();
		When when = when(value, zone);
		if (when == null) {
			throw new InvalidInput(field.key(), field.name() + " must be a date" + ("datetime".equals(subtype)
					? " and time, such as 2026-12-04T14:30Z" : ", such as 2026-12-04"));
		}
		if (notBefore != null) {
			When bound = bound(notBefore, submission);
			if (bound != null && compare(when, bound, zone) < 0) {
				throw new InvalidInput(field.key(), field.name() + (NOW.equals(notBefore) ? " must not be in the past"
						: " must be no earlier than " + shown(bound) + " (" + notBefore + ")"));
			}
		}
		if (notAfter != null) {
			When bound = bound(notAfter, submission);
			if (bound != null && compare(when, bound, zone) > 0) {
				throw new InvalidInput(field.key(), field.name() + (NOW.equals(notAfter) ? " must not be in the future"
						: " must be no later than " + shown(bound) + " (" + notAfter + ")"));
			}
		}
	}

	/** The field's value, as a date when the field takes dates only. */
	private When when(Object value, ZoneId zone) {
		When when = parse(value, zone);
		return when == null || !"date".equals(subtype) ? when : new When(when.date(zone), null);
	}

	/**
	 * The bound, or null when the variable it names is not set (yet): a plan may set a deadline only
	 * for some incidents, and a bound nobody gave is no bound. A variable that holds no date is the
	 * plan's fault, not the responder's: it is logged and ignored rather than blocking the task.
	 */
	private When bound(String bound, Submission submission) {
		ZoneId zone = submission.clock().getZone();
		if (NOW.equals(bound)) {
			Instant now = submission.clock().instant();
			return "date".equals(subtype) ? new When(now.atZone(zone).toLocalDate(), null)
					: new When(null, now.truncatedTo(ChronoUnit.MINUTES));
		}
		Object value = submission.value(bound);
		if (value == null) {
			return null;
		}
		When when = parse(value, zone);
		if (when == null) {
			log.warn("variable '{}' bounds a date field but holds no date: '{}'", bound, value);
			return null;
		}
		return "date".equals(subtype) ? new When(when.date(zone), null) : when;
	}

	private static int compare(When value, When bound, ZoneId zone) {
		if (value.date() != null || bound.date() != null) {
			return value.date(zone).compareTo(bound.date(zone));
		}
		return value.instant().truncatedTo(ChronoUnit.MINUTES).compareTo(bound.instant());
	}

	private static String shown(When bound) {
		return bound.date() != null ? bound.date().toString() : bound.instant().truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/** Null when the value is no date: {@link Date}, java.time, or ISO text (a date, or a date and time). */
	private static When parse(Object value, ZoneId zone) {
		if (value instanceof Date date) {
			return new When(null, date.toInstant());
		}
		if (value instanceof LocalDate date) {
			return new When(date, null);
		}
		if (value instanceof Instant instant) {
			return new When(null, instant);
		}
		if (value instanceof OffsetDateTime time) {
			return new When(null, time.toInstant());
		}
		if (value instanceof ZonedDateTime time) {
			return new When(null, time.toInstant());
		}
		if (value instanceof LocalDateTime time) {
			return new When(null, time.atZone(zone).toInstant());
		}
		String text = String.valueOf(value).strip();
		try {
			if (!text.contains("T")) {
				return new When(LocalDate.parse(text), null);
			}
			try {
				return new When(null, OffsetDateTime.parse(text).toInstant());
			}
			catch (DateTimeParseException noOffset) {
				// form-js's "no timezone" format: the time where the engine is
				return new When(null, LocalDateTime.parse(text).atZone(zone).toInstant());
			}
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
