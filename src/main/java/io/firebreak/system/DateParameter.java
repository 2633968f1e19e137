package io.firebreak.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A date a page or API is given as a parameter (a filter's from and to): ISO, like 2026-03-31. */
public final class DateParameter {

	private DateParameter() {
	}

	/** The date, or null when none is given; anything else is a 400 naming the parameter. */
	public static LocalDate optional(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInput(field, field + " must be a date like 2026-03-31 (was '" + value + "')");
		}
	}
}
