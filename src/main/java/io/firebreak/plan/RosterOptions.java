package io.firebreak.plan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.roster.Roster;

/**
 * The roster as select options ({@code [{"label", "value"}]}) for form fields whose
 * {@code valuesKey} is {@code rosterPeople}, {@code rosterTeams} or {@code rosterServices}:
 * people are picked from a list, not typed as user ids. Built once, as the roster is.
 */
@Component
class RosterOptions {

	private final Map<RosterKind, String> json = new EnumMap<>(RosterKind.class);

	RosterOptions(Roster roster) {
		ObjectMapper mapper = new ObjectMapper();
		put(mapper, RosterKind.PERSON,
				roster.people().stream().map(p -> option(p.name() + " (" + p.id() + ")", p.id())).toList());
		put(mapper, RosterKind.TEAM, roster.teams().stream().map(t -> option(t.name(), t.id())).toList());
		put(mapper, RosterKind.SERVICE, roster.services().stream().map(s -> option(s.name(), s.id())).toList());
	}

	String json(RosterKind kind) {
		return json.get(kind);
	}

	private void put(ObjectMapper mapper, RosterKind kind, List<Map<String, String>> options) {
		try {
			json.put(kind, mapper.writeValueAsString(options));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Map<String, String> option(String label, String value) {
		return Map.of("label", label, "value", value);
	}
}
