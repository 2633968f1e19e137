package io.firebreak.incident;

import java.util.List;

/** A completed step as one timeline line: its name, then what was submitted, within the column's size. */
final class StepDescription {

	/** The timeline's description column holds 8,000 characters; Camunda's history keeps every value in full. */
	static final int MAX_LENGTH = 8000;
	private static final int MAX_VALUE_LENGTH = 2000;
	private static final String ELLIPSIS = "…";

	private StepDescription() {
	}

	static String of(String stepName, List<String> submitted) {
		StringBuilder description = new StringBuilder(stepName == null ? "Step completed" : stepName);
		String separator = " — ";
		for (String value : submitted) {
			description.append(separator).append(shortened(value, MAX_VALUE_LENGTH));
			separator = "; ";
		}
		return shortened(description.toString(), MAX_LENGTH);
	}

	private static String shortened(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - ELLIPSIS.length()) + ELLIPSIS;
	}
}
