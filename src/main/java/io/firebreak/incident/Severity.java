package io.firebreak.incident;

import io.firebreak.system.InvalidInput;

import java.util.Arrays;

/** SEV1 is the worst. Decided by the priority table, overridable by the incident commander. */
public enum Severity {
	SEV1, SEV2, SEV3, SEV4;

	public static Severity of(String field, String value) {
		return Arrays.stream(values())
			.filter(severity -> severity.name().equals(value))
			.findFirst()
			.orElseThrow(() -> new InvalidInput(field,
					field + " must be one of SEV1, SEV2, SEV3, SEV4 (was '" + value + "')"));
	}
}
