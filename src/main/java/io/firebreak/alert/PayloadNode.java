package io.firebreak.alert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.firebreak.system.InvalidInput;

/**
 * A JSON object of an alert payload that knows where it sits ({@code alerts[2].labels}), so that
 * every rejection names the exact field path a sender must fix.
 */
final class PayloadNode {

	// RFC 3339 as Alertmanager writes it (nanoseconds, Z), and ISO 8601 as PagerDuty's examples do (+0000)
	private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
		.optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
		.toFormatter();

	private final JsonNode node;
	private final String path;

	private PayloadNode(JsonNode node, String path) {
		this.node = node;
		this.path = path;
	}

	static PayloadNode root(JsonNode tree) {
		if (tree == null || !tree.isObject()) {
			throw new InvalidInput("body", "the body must be a JSON object");
		}
		return new PayloadNode(tree, "");
	}

	JsonNode json() {
		return node;
	}

	String pathOf(String field) {
		return path.isEmpty() ? field : path + "." + field;
	}

	boolean has(String field) {
		return node.hasNonNull(field);
	}

	String requiredText(String field, int max) {
		String value = optionalText(field, max);
		if (value == null || value.isBlank()) {
			throw new InvalidInput(pathOf(field), pathOf(field) + " is required");
		}
		return value;
	}

	String optionalText(String field, int max) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			throw new InvalidInput(pathOf(field), pathOf(field) + " must be a string");
		}
		if (value.asText().length() > max) {
			throw new InvalidInput(pathOf(field), pathOf(field) + " is " + value.asText().length()
					+ " characters long; at most " + max + " are allowed");
		}
		return value.asText();
	}

	String requiredChoice(String field, List<String> choices) {
		String value = requiredText(field, 64);
		if (!choices.contains(value)) {
			throw new InvalidInput(pathOf(field),
					pathOf(field) + " must be one of " + String.join(", ", choices) + " (was '" + value + "')");
		}
		return value;
	}

	Optional<PayloadNode> optionalObject(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return Optional.empty();
		}
		if (!value.isObject()) {
			throw new InvalidInput(pathOf(field), pathOf(field) + " must be a JSON object");
		}
		return Optional.of(new PayloadNode(value, pathOf(field)));
	}

	PayloadNode requiredObject(String field) {
		return optionalObject(field)
			.orElseThrow(() -> new InvalidInput(pathOf(field), pathOf(field) + " is required"));
	}

	List<PayloadNode> optionalArray(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new InvalidInput(pathOf(field), pathOf(field) + " must be a JSON array");
		}
		List<PayloadNode> items = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			String itemPath = pathOf(field) + "[" + i + "]";
			if (!value.get(i).isObject()) {
				throw new InvalidInput(itemPath, itemPath + " must be a JSON object");
			}
			items.add(new PayloadNode(value.get(i), itemPath));
		}
		return items;
	}

	/** Labels and annotations: an object whose values are all strings, sorted by name. */
	Map<String, String> stringMap(String field) {
		Map<String, String> map = new TreeMap<>();
		optionalObject(field).ifPresent(object -> object.node.fields().forEachRemaining(entry -> {
			if (!entry.getValue().isTextual()) {
				String entryPath = object.pathOf(entry.getKey());
				throw new InvalidInput(entryPath, entryPath + " must be a string");
			}
			map.put(entry.getKey(), entry.getValue().asText());
		}));
		return map;
	}

	Instant requiredTime(String field) {
		return optionalTime(field).orElseThrow(() -> new InvalidInput(pathOf(field), pathOf(field) + " is required"));
	}

	Optional<Instant> optionalTime(String field) {
		String value = optionalText(field, 64);
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(OffsetDateTime.parse(value, TIMESTAMP).toInstant());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInput(pathOf(field), pathOf(field)
					+ " must be a timestamp such as 2026-01-31T12:00:00Z or 2026-01-31T12:00:00.000+0000 (was '" + value + "')");
		}
	}

	long optionalNumber(String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return 0;
		}
		if (!value.canConvertToLong()) {
			throw new InvalidInput(pathOf(field), pathOf(field) + " must be a whole number");
		}
		return value.asLong();
	}
}
