package io.firebreak.plan;

import java.util.Arrays;
import java.util.Optional;

import io.firebreak.roster.Role;

/**
 * What a form field names from the roster. A field is one when its custom property
 * {@code firebreak.roster} says so, or when its options come from the roster's {@code valuesKey}.
 * The role kinds name a person too, but only one of the role's pool ({@code roles:} in roster.yaml).
 */
enum RosterKind {

	PERSON("person", "rosterPeople", null),
	TEAM("team", "rosterTeams", null),
	SERVICE("service", "rosterServices", null),
	COMMANDER(Role.COMMANDER.variable(), "rosterCommanders", Role.COMMANDER),
	COMMUNICATIONS_LEAD(Role.COMMUNICATIONS_LEAD.variable(), "rosterCommunicationsLeads", Role.COMMUNICATIONS_LEAD),
	SCRIBE(Role.SCRIBE.variable(), "rosterScribes", Role.SCRIBE),
	PRIVACY_LEAD(Role.PRIVACY_LEAD.variable(), "rosterPrivacyLeads", Role.PRIVACY_LEAD);

	static final String PROPERTY = "firebreak.roster";

	/** The value of the {@code firebreak.roster} property. */
	private final String value;
	/** The variable holding this kind's options, for a select's {@code valuesKey}. */
	private final String valuesKey;
	private final Role role;

	RosterKind(String value, String valuesKey, Role role) {
		this.value = value;
		this.valuesKey = valuesKey;
		this.role = role;
	}

	String valuesKey() {
		return valuesKey;
	}

	String value() {
		return value;
	}

	/** The role whose pool the value must come from; empty for people, teams and services. */
	Optional<Role> role() {
		return Optional.ofNullable(role);
	}

	static Optional<RosterKind> ofProperty(String value) {
		return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
	}

	static Optional<RosterKind> ofValuesKey(String valuesKey) {
		return Arrays.stream(values()).filter(kind -> kind.valuesKey.equals(valuesKey)).findFirst();
	}
}
