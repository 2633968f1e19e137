package io.firebreak.incident;

import io.firebreak.system.InvalidInput;

import java.util.regex.Pattern;

/** INC-&lt;year&gt;-&lt;sequence of at least four digits&gt;, unique and gapless per year. */
public record IncidentKey(String value) {

	private static final Pattern FORMAT = Pattern.compile("INC-\\d{4}-\\d{4,}");

	public IncidentKey {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidInput("key", "an incident key looks like INC-2026-0042 (was '" + value + "')");
		}
	}

	public static IncidentKey of(int year, long sequence) {
		return new IncidentKey("INC-%04d-%04d".formatted(year, sequence));
	}

	public static boolean isWellFormed(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}

	@Override
	public String toString() {
		return value;
	}
}
