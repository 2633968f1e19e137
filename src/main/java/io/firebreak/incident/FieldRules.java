package io.firebreak.incident;

import io.firebreak.system.InvalidInput;

/** The length and presence rules every incident text field follows, wherever it was entered. */
public final class FieldRules {

	private FieldRules() {
	}

	public static String required(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, field + " is required");
		}
		return optional(field, value, maxLength);
	}

	public static String optional(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > maxLength) {
			throw new InvalidInput(field,
					field + " is " + trimmed.length() + " characters long; at most " + maxLength + " are allowed");
		}
		return trimmed;
	}
}
