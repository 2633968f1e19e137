package io.firebreak.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.system.InvalidInput;

/**
 * What a Camunda Form submitted, read the way a step needs it: Tasklist sends a
 * date-time as ISO text, a taglist or dynamic list as Spin JSON, and the REST API whatever the
 * client chose (a Date, a list, JSON text).
 */
public final class SubmittedValues {

	private static final ObjectMapper JSON = new ObjectMapper();

	private SubmittedValues() {
	}

	public static Instant instant(String name, Object value) {
		if (value instanceof Date date) {
			return date.toInstant();
		}
		String text = value == null ? "" : value.toString().strip();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notWithOffset) {
			try {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException notADate) {
				throw new InvalidInput(name, name + " must be a date and time such as 2026-12-02T14:00Z, not '" + text + "'");
			}
		}
	}

	/** A list of ids: a Java list, or a JSON array (Tasklist's taglist). */
	public static List<String> ids(String name, Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> items) {
			return items.stream().map(String::valueOf).toList();
		}
		JsonNode node = json(name, value);
		List<String> ids = new ArrayList<>();
		(node.isArray() ? node : JSON.createArrayNode().add(node)).forEach(item -> ids.add(item.asText()));
		return ids;
	}

	/** JSON text of a Spin value, a list, or text. */
	public static String jsonText(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Collection<?> || value instanceof java.util.Map<?, ?>) {
			try {
				return JSON.writeValueAsString(value);
			}
			catch (JsonProcessingException e) {
				throw new IllegalStateException(e);
			}
		}
		return value.toString();
	}

	private static JsonNode json(String name, Object value) {
		try {
			return JSON.readTree(jsonText(value));
		}
		catch (JsonProcessingException e) {
			return JSON.getNodeFactory().textNode(value.toString());
		}
	}
}
