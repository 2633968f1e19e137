package io.firebreak.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.roster.Roster;

/**
 * The inputs of one deployed Camunda Form and their rules, read from the form itself. Camunda Forms
 * validate only in the browser; this checks a submission again wherever it came from (Tasklist,
 * {@code /engine-rest}, Firebreak's API), so no Java is written per form.
 */
final class FormRules {

	/** Components that show something but take no input. */
	private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "button", "spacer", "separator",
			"iframe", "table", "expression", "documentPreview", "filepicker", "dynamiclist");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String formId;
	private final List<FormField> fields;

	private FormRules(String formId, List<FormField> fields) {
		this.formId = formId;
		this.fields = List.copyOf(fields);
	}

	static FormRules of(JsonNode form) {
		List<FormField> fields = new ArrayList<>();
		collect(form.path("components"), fields);
		return new FormRules(form.path("id").asText(null), fields);
	}

	String formId() {
		return formId;
	}

	List<FormField> fields() {
		return fields;
	}

	/** The roster lists this form's selects take their options from. */
	Set<RosterKind> rosterOptions() {
		return fields.stream().map(FormField::roster).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
	}

	/**
	 * Checks every input's value and answers them as "label: value" lines, in the form's order,
	 * leaving out those left empty.
	 *
	 * @throws io.firebreak.system.InvalidInput naming the first field that breaks a rule, by its label
	 */
	List<String> check(Function<String, Object> values, Roster roster) {
		return check(values, roster, audience -> false);
	}

	/** {@code reached}: whether the incident at hand reaches an audience, for fields required for one. */
	List<String> check(Function<String, Object> values, Roster roster, Predicate<String> reached) {
		List<String> submitted = new ArrayList<>();
		for (FormField field : fields) {
			String requiredBecause = field.requiredFor() != null && reached.test(field.requiredFor())
					? "the " + field.requiredFor() + " audience hears about incidents of this severity" : null;
			new FieldCheck(field, SubmittedValue.of(values.apply(field.key())), roster, requiredBecause).run()
				.ifPresent(shown -> submitted.add(field.name() + ": " + shown));
		}
		return submitted;
	}

	private static void collect(JsonNode components, List<FormField> fields) {
		for (JsonNode component : components) {
			if (component.has("components")) {
				collect(component.path("components"), fields);
				continue;
			}
			String type = component.path("type").asText("");
			String key = component.path("key").asText("");
			if (key.isBlank() || DISPLAY_ONLY.contains(type) || fixed(component)) {
				continue;
			}
			fields.add(field(component, type, key));
		}
	}

	/** Disabled and read-only inputs show a value; nobody submits them. */
	private static boolean fixed(JsonNode component) {
		return component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
	}

	private static FormField field(JsonNode component, String type, String key) {
		JsonNode validate = component.path("validate");
		Map<String, String> options = null;
		if (component.path("values").isArray() && !component.has("valuesKey")) {
			options = new LinkedHashMap<>();
			for (JsonNode option : component.path("values")) {
				options.put(option.path("value").asText(), option.path("label").asText(option.path("value").asText()));
			}
		}
		Optional<RosterKind> roster = RosterKind.ofProperty(component.path("properties").path(RosterKind.PROPERTY).asText(""))
			.or(() -> RosterKind.ofValuesKey(component.path("valuesKey").asText("")));
		return new FormField(key, component.path("label").asText(null), type, validate.path("required").asBoolean(false),
				integer(validate.path("minLength")), integer(validate.path("maxLength")), pattern(key, validate.path("pattern")),
				decimal(validate.path("min")), decimal(validate.path("max")), validate.path("validationType").asText(null),
				options, roster.orElse(null), component.path("properties").path(FormField.REQUIRED_FOR).asText(null));
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

	private static Pattern pattern(String key, JsonNode node) {
		if (node.isMissingNode() || node.asText().isBlank()) {
			return null;
		}
		try {
			return Pattern.compile(node.asText());
		}
		catch (PatternSyntaxException e) {
			throw new IllegalArgumentException("field '" + key + "' has a pattern that is not a regular expression: "
					+ e.getDescription());
		}
	}

	/** The values of a submission as plain Java: text, number, boolean, or a list of texts. */
	record SubmittedValue(Object value) {

		static SubmittedValue of(Object raw) {
			if (raw == null) {
				return new SubmittedValue(null);
			}
			if (raw instanceof Collection<?> items) {
				return new SubmittedValue(items.stream().map(String::valueOf).toList());
			}
			if (raw.getClass().getName().startsWith("org.camunda.spin.")) {
				// Tasklist submits checklists and taglists as Spin JSON arrays
				return new SubmittedValue(texts(raw.toString()));
			}
			return new SubmittedValue(raw);
		}

		private static List<String> texts(String json) {
			try {
				List<String> texts = new ArrayList<>();
				JsonNode node = JSON.readTree(json);
				(node.isArray() ? node : JSON.createArrayNode().add(node)).forEach(item -> texts.add(item.asText()));
				return texts;
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException e) {
				return List.of(json);
			}
		}

		boolean empty() {
			return value == null || (value instanceof String text && text.isBlank())
					|| (value instanceof Collection<?> items && items.isEmpty());
		}
	}
}
