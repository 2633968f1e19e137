package io.firebreak.incident;

import io.firebreak.system.InvalidInput;

import java.util.Arrays;
import java.util.Locale;

/** How fast the impact grows or must be stopped; the other axis of the priority decision table. */
public enum Urgency {
	CRITICAL, HIGH, MEDIUM, LOW;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Urgency of(String value) {
		return Arrays.stream(values())
			.filter(urgency -> urgency.value().equals(value))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("urgency",
					"urgency must be one of critical, high, medium, low (was '" + value + "')"));
	}
}
