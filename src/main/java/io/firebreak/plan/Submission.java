package io.firebreak.plan;

import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.roster.Roster;

/**
 * What one check of a submitted form works with: the values it sees (the submission and the process
 * variables, or one entry of a dynamic list and, around it, the rest), the roster, the engine's clock,
 * and which audiences the incident reaches. Each condition is evaluated once per scope.
 */
final class Submission {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Where an entry of a dynamic list is visible to its fields' conditions, as in form-js. */
	static final String THIS_ENTRY = "_this_";

	private final Function<String, Object> values;
	/** form-js's value of an input nobody touched (false for a checkbox), for conditions. */
	private final Map<String, Object> emptyValues;
	private final Roster roster;
	private final Clock clock;
	private final Predicate<String> reached;
	private final Map<FormCondition, Boolean> hides = new IdentityHashMap<>();

	Submission(Function<String, Object> values, Map<String, Object> emptyValues, Roster roster, Clock clock,
			Predicate<String> reached) {
		this.values = values;
		this.emptyValues = emptyValues;
		this.roster = roster;
		this.clock = clock;
		this.reached = reached;
	}

	/** The scope of one entry of a dynamic list: its own values first, then everything around it. */
	Submission entry(Map<String, Object> entry, Map<String, Object> entryEmptyValues) {
		return new Submission(name -> entry.containsKey(name) ? entry.get(name)
				: THIS_ENTRY.equals(name) ? entry : values.apply(name), entryEmptyValues, roster, clock, reached);
	}

	Object value(String name) {
		return values.apply(name);
	}

	Roster roster() {
		return roster;
	}

	Clock clock() {
		return clock;
	}

	/** Why the field is required now although the form does not say so always; null when it is not. */
	String requiredBecause(FormField field) {
		return field.requiredFor() != null && reached.test(field.requiredFor())
				? "the " + field.requiredFor() + " audience hears about incidents of this severity" : null;
	}

	boolean hidden(FormField field) {
		for (FormCondition condition : field.hiddenWhen()) {
			if (hides.computeIfAbsent(condition, c -> c.hides(this::feelValue))) {
				return true;
			}
		}
		return false;
	}

	/** A value as FEEL takes it: Spin JSON (Tasklist's lists and objects) as plain lists and maps. */
	private Object feelValue(String name) {
		Object value = values.apply(name);
		if (value == null) {
			return emptyValues.get(name);
		}
		if (value.getClass().getName().startsWith("org.camunda.spin.")) {
			try {
				return JSON.readValue(value.toString(), Object.class);
			}
			catch (JsonProcessingException e) {
				return value.toString();
			}
		}
		return value;
	}
}
