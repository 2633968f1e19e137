package io.firebreak.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentKey;
import io.firebreak.system.InvalidInput;

/**
 * What a review decided somebody must do, followed up until done or dropped with a reason.
 * {@code position} is its number in the review (1, 2, ...); id, closing and creation time are
 * the store's, null until it is stored or closed.
 */
public record ActionItem(Long id, IncidentKey incidentKey, int position, String title, Type type, String owner,
		LocalDate dueDate, Priority priority, Status status, String outcomeNote, String closedBy, Instant closedAt,
		Instant createdAt) {

	public static final int TITLE_MAX = 300;
	public static final int NOTE_MAX = 4000;

	private static final ObjectMapper JSON = new ObjectMapper();
	// the form's datetime field sends 2026-03-01T00:00; a date field 2026-03-01
	private static final Pattern DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})([T ].*)?$");

	/** SRE's kinds of action: stop it now, stop it happening again, change how we work. */
	public enum Type {
		MITIGATE, PREVENT, PROCESS;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public enum Priority {
		HIGH, MEDIUM, LOW;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public enum Status {
		OPEN, DONE, WONT_DO
	}

	public boolean open() {
		return status == Status.OPEN;
	}

	/**
	 * The review form's dynamic list: a JSON array of {title, type, owner, dueDate, priority}, new
	 * and open, numbered in order. Blank JSON is no items. Whether the owners are on the roster is
	 * the caller's to check.
	 *
	 * @throws InvalidInput naming the item (1-based) and what it lacks
	 */
	public static List<ActionItem> fromJson(String incidentKey, String json) {
		IncidentKey key = new IncidentKey(incidentKey);
		if (json == null || json.isBlank()) {
			return List.of();
		}
		JsonNode list;
		try {
			list = JSON.readTree(json);
		}
		catch (JsonProcessingException e) {
			throw new InvalidInput(PostmortemVariables.ACTION_ITEMS,
					"Action items must be a JSON list of {title, type, owner, dueDate, priority}: "
							+ e.getOriginalMessage());
		}
		if (list == null || list.isNull()) {
			return List.of();
		}
		if (!list.isArray()) {
			throw new InvalidInput(PostmortemVariables.ACTION_ITEMS,
					"Action items must be a JSON list of {title, type, owner, dueDate, priority}");
		}
		List<ActionItem> items = new ArrayList<>();
		for (JsonNode node : list) {
			items.add(fromNode(key, items.size() + 1, node));
		}
		return List.copyOf(items);
	}

	private static ActionItem fromNode(IncidentKey key, int number, JsonNode node) {
		String title = text(node, "title");
		if (title == null) {
			throw refused(number, "has no title: say what is to be done");
		}
		if (title.length() > TITLE_MAX) {
			throw refused(number, "has a title of " + title.length() + " characters: keep it to " + TITLE_MAX);
		}
		String owner = text(node, "owner");
		if (owner == null) {
			throw refused(number, "has no owner: name who will do it (" + title + ")");
		}
		return new ActionItem(null, key, number, title, choose(number, "type", Type.values(), text(node, "type")),
				owner, date(number, text(node, "dueDate"), title),
				choose(number, "priority", Priority.values(), text(node, "priority")), Status.OPEN, null, null, null,
				null);
	}

	private static LocalDate date(int number, String value, String title) {
		if (value == null) {
			throw refused(number, "has no due date: say by when (" + title + ")");
		}
		Matcher matcher = DATE.matcher(value);
		try {
			if (matcher.matches()) {
				return LocalDate.parse(matcher.group(1));
			}
		}
		catch (DateTimeParseException e) {
			// not a calendar date: refused below
		}
		throw refused(number, "has a due date '" + value + "' that is not a date like 2026-03-31");
	}

	private static <E extends Enum<E>> E choose(int number, String field, E[] choices, String value) {
		List<String> names = Arrays.stream(choices).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
		if (value != null) {
			int index = names.indexOf(value.toLowerCase(Locale.ROOT));
			if (index >= 0) {
				return choices[index];
			}
		}
		throw refused(number, "has " + (value == null ? "no " + field : "an unknown " + field + " '" + value + "'")
				+ ": choose one of " + String.join(", ", names));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
			return null;
		}
		String text = value.asText().strip();
		return text.isEmpty() ? null : text;
	}

	private static InvalidInput refused(int number, String what) {
		return new InvalidInput(PostmortemVariables.ACTION_ITEMS, "Action item " + number + " " + what);
	}
}
