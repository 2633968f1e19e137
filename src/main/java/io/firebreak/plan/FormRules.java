package io.firebreak.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.roster.Roster;

/**
 * The inputs of one deployed Camunda Form and their rules, read from the form itself. Camunda Forms
 * validate only in the browser; this checks a submission again wherever it came from (Tasklist,
 * {@code /engine-rest}, Firebreak's API), so no Java is written per form.
 */
final class FormRules {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String formId;
	private final List<FormField> fields;
	private final Map<String, Object> emptyValues;

	private FormRules(String formId, List<FormField> fields) {
		this.formId = formId;
		this.fields = List.copyOf(fields);
		this.emptyValues = emptyValues(fields);
	}

	/** Reads the form's inputs and parses its conditions, each distinct expression once. */
	static FormRules of(JsonNode form) {
		List<FormField> fields = new ArrayList<>();
		new FormReading(form.path("id").asText("")).collect(form.path("components"), List.of(), fields);
		return new FormRules(form.path("id").asText(null), fields);
	}

	String formId() {
		return formId;
	}

	List<FormField> fields() {
		return fields;
	}

	/** The roster lists this form's selects take their options from, also those in dynamic lists' entries. */
	Set<RosterKind> rosterOptions() {
		return inputs(fields).map(FormField::roster).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
	}

	private static Stream<FormField> inputs(List<FormField> fields) {
		return fields.stream().flatMap(field -> field.list() ? inputs(field.entries().fields()) : Stream.of(field));
	}

	/**
	 * Checks every input's value and answers them as "label: value" lines, in the form's order,
	 * leaving out those left empty.
	 *
	 * @throws io.firebreak.system.InvalidInput naming the first field that breaks a rule, by its label
	 */
	List<String> check(Function<String, Object> values, Roster roster, Clock clock) {
		return check(values, roster, clock, audience -> false);
	}

	/**
	 * {@code values}: the submission and the process variables, for the fields and their conditions;
	 * {@code clock}: the engine's, for date bounds; {@code reached}: whether the incident at hand reaches
	 * an audience, for fields required for one. Fields hidden by their conditions are left out.
	 */
	List<String> check(Function<String, Object> values, Roster roster, Clock clock, Predicate<String> reached) {
		Submission submission = new Submission(values, emptyValues, roster, clock, reached);
		List<String> submitted = new ArrayList<>();
		for (FormField field : fields) {
			if (!submission.hidden(field)) {
				check(field, submission).ifPresent(shown -> submitted.add(field.name() + ": " + shown));
			}
		}
		return submitted;
	}

	/** One input (not hidden) in its scope: how to show its value, empty when nothing was submitted. */
	static Optional<String> check(FormField field, Submission submission) {
		Object raw = submission.value(field.key());
		return field.list() ? new DynamicListCheck(field, raw, submission).run()
				: new FieldCheck(field, SubmittedValue.of(raw), submission).run();
	}

	static Map<String, Object> emptyValues(List<FormField> fields) {
		Map<String, Object> empty = new HashMap<>();
		fields.stream().filter(field -> field.emptyValue() != null).forEach(field -> empty.put(field.key(), field.emptyValue()));
		return Map.copyOf(empty);
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
