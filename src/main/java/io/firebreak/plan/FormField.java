package io.firebreak.plan;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One input of a Camunda Form and the rules the form gives it: what form-js checks in the
 * browser, checked again on the server, and Firebreak's own field property
 * {@code firebreak.roster} (person, team, service, or a role: commander, communicationsLead, scribe)
 * and {@code firebreak.requiredFor} (an audience).
 */
record FormField(String key, String label, String type, boolean required, Integer minLength, Integer maxLength,
		Pattern pattern, BigDecimal min, BigDecimal max, String validationType,
		Map<String, String> options, RosterKind roster, String requiredFor) {

	/**
	 * Firebreak's field property naming an audience of config/audiences.yaml: the field is required
	 * whenever the incident's severity reaches that audience (a customer message, for example).
	 */
	static final String REQUIRED_FOR = "firebreak.requiredFor";

	/** Display name in messages and on the timeline: the label, or the key when the author gave none. */
	String name() {
		return label == null || label.isBlank() ? key : label;
	}

	boolean multiple() {
		return "checklist".equals(type) || "taglist".equals(type);
	}

	boolean numeric() {
		return "number".equals(type);
	}

	boolean flag() {
		return "checkbox".equals(type);
	}
}
