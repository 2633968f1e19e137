package io.firebreak.incident;

import io.firebreak.system.InvalidInput;

import java.util.Arrays;
import java.util.Locale;

/** How much of the business an incident touches; one axis of the priority decision table. */
public enum Impact {
	EXTENSIVE, SIGNIFICANT, MODERATE, MINOR;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Impact of(String value) {
		return Arrays.stream(values())
			.filter(impact -> impact.value().equals(value))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("impact",
					"impact must be one of extensive, significant, moderate, minor (was '" + value + "')"));
	}
}
