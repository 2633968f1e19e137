package io.firebreak.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.system.InvalidInput;

/**
 * A form-js {@code dynamiclist}: one input whose value is a list of entries (Tasklist submits it as Spin
 * JSON; the API may send a list of maps or JSON text). Each entry's inputs are checked with their own
 * rules, and a broken one is named by list, entry number (from 1, as the user counts them) and label.
 * Entries left entirely empty are ignored: form-js shows one empty entry by default.
 */
final class DynamicListCheck {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final FormField list;
	private final Object raw;
	private final Submission submission;

	DynamicListCheck(FormField list, Object raw, Submission submission) {
		this.list = list;
		this.raw = raw;
		this.submission = submission;
	}

	/** "2 items (Fix alerting; Add runbook)"; empty when no entry was filled in (and none had to be). */
	Optional<String> run() {
		List<Map<String, Object>> entries = entries();
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Map<String, Object> entry = entries.get(i);
			if (!empty(entry)) {
				titles.add(check(entry, i + 1));
			}
		}
		int minItems = list.entries().minItems();
		if (titles.size() < minItems) {
			throw invalid(list.name() + ": add at least " + items(minItems));
		}
		if (titles.isEmpty()) {
			return Optional.empty();
		}
		List<String> named = titles.stream().filter(title -> !title.isBlank()).toList();
		return Optional.of(items(titles.size()) + (named.isEmpty() ? "" : " (" + String.join("; ", named) + ")"));
	}

	/** Checks one entry's inputs; answers its title: its first text input's value, or else its first value. */
	private String check(Map<String, Object> entry, int number) {
		Submission scope = submission.entry(entry, list.entries().emptyValues());
		String firstText = null;
		String firstShown = null;
		for (FormField field : list.entries().fields()) {
			if (scope.hidden(field)) {
				continue;
			}
			Optional<String> shown;
			try {
				shown = FormRules.check(field, scope);
			}
			catch (InvalidInput e) {
				throw invalid(list.name() + ", item " + number + ": " + e.getMessage());
			}
			if (shown.isPresent()) {
				firstShown = firstShown != null ? firstShown : shown.get();
				firstText = firstText != null || !field.text() ? firstText : shown.get();
			}
		}
		return firstText != null ? firstText : firstShown != null ? firstShown : "";
	}

	/** An entry nobody filled in: all its inputs blank (a checkbox unticked, a list with empty entries only). */
	private boolean empty(Map<String, Object> entry) {
		return list.entries().fields().stream().allMatch(field -> blank(entry.get(field.key())));
	}

	private static boolean blank(Object value) {
		return value == null || Boolean.FALSE.equals(value) || value instanceof String text && text.isBlank()
				|| value instanceof Collection<?> items && items.stream().allMatch(DynamicListCheck::blank)
				|| value instanceof Map<?, ?> map && map.values().stream().allMatch(DynamicListCheck::blank);
	}

	private List<Map<String, Object>> entries() {
		if (raw == null || raw instanceof String text && text.isBlank()) {
			return List.of();
		}
		JsonNode node;
		if (raw instanceof String || raw.getClass().getName().startsWith("org.camunda.spin.")) {
			try {
				node = JSON.readTree(raw.toString());
			}
			catch (JsonProcessingException e) {
				throw notAList();
			}
		}
		else {
			try {
				node = JSON.valueToTree(raw);
			}
			catch (IllegalArgumentException e) {
				throw notAList();
			}
		}
		if (node == null || !node.isArray()) {
			throw notAList();
		}
		List<Map<String, Object>> entries = new ArrayList<>();
		for (JsonNode entry : node) {
			if (!entry.isObject()) {
				throw notAList();
			}
			Map<String, Object> values = new LinkedHashMap<>();
			entry.properties().forEach(property -> values.put(property.getKey(), value(property.getValue())));
			entries.add(values);
		}
		return entries;
	}

	/** JSON as the plain Java the field checks take: text, number, boolean, lists and maps. */
	private static Object value(JsonNode node) {
		return node.isNull() ? null : JSON.convertValue(node, Object.class);
	}

	private InvalidInput notAList() {
		return invalid(list.name() + " must be a list of items, each with its own fields (a JSON array of objects)");
	}

	private static String items(int count) {
		return count + (count == 1 ? " item" : " items");
	}

	private InvalidInput invalid(String detail) {
		return new InvalidInput(list.key(), detail);
	}
}
