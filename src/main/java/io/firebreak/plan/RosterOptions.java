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
 * {@code valuesKey} is {@code rosterPeople}, {@code rosterTeams} or {@code rosterServices}, or a
 * role's pool ({@code rosterCommanders}, {@code rosterCommunicationsLeads}, {@code rosterScribes}, {@code rosterPrivacyLeads}):
 * people are picked from a list, not typed as user ids. Built once per revision of the roster:
 * a reload makes the next task build them again (a task creation otherwise just compares a number).
 */
@Component
class RosterOptions {

	private record Built(long revision, Map<RosterKind, String> json) {
	}

	private final Roster roster;
	private final ObjectMapper mapper = new ObjectMapper();
	private volatile Built built;

	RosterOptions(Roster roster) {
		this.roster = roster;
		this.built = build();
	}

	String json(RosterKind kind) {
		Built current = built;
		if (current.revision() != roster.revision()) {
			current = build();
			built = current;
		}
		return current.json().get(kind);
	}

	private Built build() {
		long revision = roster.revision();
		Map<RosterKind, String> json = new EnumMap<>(RosterKind.class);
		put(json, RosterKind.PERSON,
				roster.people().stream().map(p -> option(p.name() + " (" + p.id() + ")", p.id())).toList());
		put(json, RosterKind.TEAM, roster.teams().stream().map(t -> option(t.name(), t.id())).toList());
		put(json, RosterKind.SERVICE, roster.services().stream().map(s -> option(s.name(), s.id())).toList());
		for (RosterKind kind : RosterKind.values()) {
			kind.role().ifPresent(role -> put(json, kind,
					roster.pool(role).stream().map(p -> option(p.name() + " (" + p.id() + ")", p.id())).toList()));
		}
		return new Built(revision, json);
	}

	private void put(Map<RosterKind, String> json, RosterKind kind, List<Map<String, String>> options) {
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
