package io.firebreak.status;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.firebreak.system.InvalidInput;

/**
 * Where the response stands, as customers are told it. The four statuses of Atlassian Statuspage's
 * incidents, so that {@code /status.json} speaks the vocabulary its readers already know.
 */
public enum CustomerUpdateStatus {
	INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

	/** As written in JSON, in the database and in the API: {@code investigating}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** As customers read it on the page: {@code Investigating}. */
	public String label() {
		String value = value();
		return Character.toUpperCase(value.charAt(0)) + value.substring(1);
	}

	/** Parses what a client sent; anything else is refused naming the four accepted values. */
	public static CustomerUpdateStatus of(String field, String value) {
		return Arrays.stream(values())
			.filter(status -> status.value().equals(value))
			.findFirst()
			.orElseThrow(() -> new InvalidInput(field, field + " must be one of "
					+ Arrays.stream(values()).map(CustomerUpdateStatus::value).collect(Collectors.joining(", "))
					+ " (was " + (value == null ? "missing" : "'" + value + "'") + ")"));
	}
}
