package io.firebreak.incident;

import io.firebreak.system.InvalidInput;

import java.util.Arrays;
import java.util.Locale;

public enum IncidentType {
	OPERATIONAL, SECURITY;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static IncidentType of(String value) {
		if (value == null || value.isBlank()) {
			return OPERATIONAL;
		}
		return Arrays.stream(values())
			.filter(type -> type.value().equals(value))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("type",
					"type must be one of operational, security (was '" + value + "')"));
	}
}
