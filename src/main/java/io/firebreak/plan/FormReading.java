package io.firebreak.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a Camunda Form's components into its inputs ({@link FormField}): groups are looked through (their
 * conditions go to the inputs inside), a dynamic list is one input with inputs per entry, and each
 * distinct condition is parsed once. Properties an author got wrong are refused here, naming the field.
 */
final class FormReading {

	/** Components that show something but take no input. */
	private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "button", "spacer", "separator",
			"iframe", "table", "expression", "documentPreview", "filepicker");

	private final String formId;
	private final Map<String, FormCondition> conditions = new HashMap<>();

	FormReading(String formId) {
		this.formId = formId;
	}

	/** {@code hiddenWhen}: the conditions of the groups around these components. */
	void collect(JsonNode components, List<FormCondition> hiddenWhen, List<FormField> fields) {
		for (JsonNode component : components) {
			String type = component.path("type").asText("");
			List<FormCondition> conditions = withCondition(component, hiddenWhen);
			if ("dynamiclist".equals(type)) {
				// a list without a path has nowhere to keep its entries: form-js requires one
				String path = component.path("path").asText("");
				if (!path.isBlank() && !fixed(component)) {
					fields.add(list(component, path, conditions));
				}
				continue;
			}
			if (component.has("components")) {
				collect(component.path("components"), conditions, fields);
				continue;
			}
			String key = component.path("key").asText("");
			if (key.isBlank() || DISPLAY_ONLY.contains(type) || fixed(component)) {
				continue;
			}
			fields.add(field(component, type, key, conditions, null));
		}
	}

	private List<FormCondition> withCondition(JsonNode component, List<FormCondition> hiddenWhen) {
		String hide = component.path("conditional").path("hide").asText("");
		if (hide.isBlank()) {
			return hiddenWhen;
		}
		String where = "form '" + formId + "', " + name(component);
		List<FormCondition> all = new ArrayList<>(hiddenWhen);
		all.add(conditions.computeIfAbsent(hide.strip(), expression -> FormCondition.parse(expression, where)));
		return List.copyOf(all);
	}

	private FormField list(JsonNode component, String path, List<FormCondition> hiddenWhen) {
		List<FormField> entryFields = new ArrayList<>();
		collect(component.path("components"), List.of(), entryFields);
		String minItems = properties(component).path(FormField.MIN_ITEMS).asText("");
		int min = 0;
		if (properties(component).has(FormField.MIN_ITEMS)) {
			try {
				min = Integer.parseInt(minItems.strip());
			}
			catch (NumberFormatException e) {
				min = 0;
			}
			if (min < 1) {
				throw refused(component, path, FormField.MIN_ITEMS + " '" + minItems + "' is not a whole number of at least 1");
			}
		}
		return field(component, "dynamiclist", path, hiddenWhen,
				new FormField.Entries(List.copyOf(entryFields), min, FormRules.emptyValues(entryFields)));
	}

	/** Disabled and read-only inputs show a value; nobody submits them. */
	private static boolean fixed(JsonNode component) {
		return component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
	}

	private FormField field(JsonNode component, String type, String key, List<FormCondition> hiddenWhen,
			FormField.Entries entries) {
		JsonNode validate = component.path("validate");
		Map<String, String> options = null;
		if (component.path("values").isArray() && !component.has("valuesKey")) {
			options = new LinkedHashMap<>();
			for (JsonNode option : component.path("values")) {
				options.put(option.path("value").asText(), option.path("label").asText(option.path("value").asText()));
			}
		}
		Optional<RosterKind> roster = RosterKind.ofProperty(properties(component).path(RosterKind.PROPERTY).asText(""))
			.or(() -> RosterKind.ofValuesKey(component.path("valuesKey").asText("")));
		return new FormField(key, label(component), type, validate.path("required").asBoolean(false),
				integer(validate.path("minLength")), integer(validate.path("maxLength")), pattern(key, validate.path("pattern")),
				decimal(validate.path("min")), decimal(validate.path("max")), validate.path("validationType").asText(null),
				options, roster.orElse(null), properties(component).path(FormField.REQUIRED_FOR).asText(null), hiddenWhen,
				"datetime".equals(type) ? dates(component, key) : null, entries);
	}

	/** A datetime input has a date label and a time label rather than a label. */
	private static String label(JsonNode component) {
		for (String label : List.of("label", "dateLabel", "timeLabel")) {
			if (!component.path(label).asText("").isBlank()) {
				return component.path(label).asText();
			}
		}
		return null;
	}

	private DateBounds dates(JsonNode component, String key) {
		String notBefore = bound(component, key, DateBounds.NOT_BEFORE);
		if (notBefore == null && component.path("disallowPassedDates").asBoolean(false)) {
			notBefore = DateBounds.NOW;
		}
		return new DateBounds(component.path("subtype").asText("date"), notBefore,
				bound(component, key, DateBounds.NOT_AFTER));
	}

	private String bound(JsonNode component, String key, String property) {
		JsonNode bound = properties(component).path(property);
		if (bound.isMissingNode()) {
			return null;
		}
		if (bound.asText("").isBlank()) {
			throw refused(component, key, property + " is empty: give 'now' or the name of a variable holding a date");
		}
		return bound.asText().strip();
	}

	private static JsonNode properties(JsonNode component) {
		return component.path("properties");
	}

	private IllegalArgumentException refused(JsonNode component, String key, String problem) {
		return new IllegalArgumentException("form '" + formId + "', field '" + key + "': " + problem);
	}

	private static String name(JsonNode component) {
		String key = component.path("key").asText(component.path("path").asText(component.path("id").asText("")));
		return "field '" + key + "'";
	}

	private static Integer integer(JsonNode node) {
		return node.canConvertToInt() && !node.isMissingNode() && !node.isNull() && !node.asText().isBlank()
				? Integer.valueOf(node.asInt()) : null;
	}

	private static BigDecimal decimal(JsonNode node) {
		if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(node.asText());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private Pattern pattern(String key, JsonNode node) {
		if (node.isMissingNode() || node.asText().isBlank()) {
			return null;
		}
		try {
			return Pattern.compile(node.asText());
		}
		catch (PatternSyntaxException e) {
			throw new IllegalArgumentException("form '" + formId + "', field '" + key
					+ "': its pattern is not a regular expression: " + e.getDescription());
		}
	}
}
