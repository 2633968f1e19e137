package io.firebreak.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One input of a Camunda Form and the rules the form gives it: what form-js checks in the
 * browser, checked again on the server, and Firebreak's own field property
 * {@code firebreak.roster} (person, team, service, or a role: commander, communicationsLead, scribe),
 * {@code firebreak.requiredFor} (an audience), {@code firebreak.notBefore} / {@code firebreak.notAfter}
 * (datetime fields, see {@link DateBounds}) and {@code firebreak.minItems} (dynamic lists).
 * {@code hiddenWhen}: the {@code conditional.hide} expressions of the input and of the groups around it;
 * the input is hidden (neither required nor checked) when one of them holds.
 */
record FormField(String key, String label, String type, boolean required, Integer minLength, Integer maxLength,
		Pattern pattern, BigDecimal min, BigDecimal max, String validationType,
		Map<String, String> options, RosterKind roster, String requiredFor, List<FormCondition> hiddenWhen,
		DateBounds dates, Entries entries) {

	/**
	 * Firebreak's field property naming an audience of config/audiences.yaml: the field is required
	 * whenever the incident's severity reaches that audience (a customer message, for example).
	 */
	static final String REQUIRED_FOR = "firebreak.requiredFor";

	/** Firebreak's property of a dynamic list: how many filled-in entries it needs at least (a whole number). */
	static final String MIN_ITEMS = "firebreak.minItems";

	/**
	 * The inputs of each entry of a dynamic list (keys relative to the entry), and how many entries
	 * that are not entirely empty the list needs.
	 */
	record Entries(List<FormField> fields, int minItems, Map<String, Object> emptyValues) {
	}

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

	boolean list() {
		return entries != null;
	}

	boolean text() {
		return "textfield".equals(type) || "textarea".equals(type);
	}

	/** What form-js gives an input nobody touched, for conditions on it; null for most. */
	Object emptyValue() {
		return flag() ? Boolean.FALSE : multiple() || list() ? List.of() : null;
	}
}
