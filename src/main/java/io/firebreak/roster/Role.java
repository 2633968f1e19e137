package io.firebreak.roster;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles an incident is run with, after Google SRE's incident command: each is picked from a
 * pool in the roster ({@code roles:} in roster.yaml) and held in the process variable of the same
 * name, so a plan assigns tasks with {@code ${commander}}, {@code ${communicationsLead}} or
 * {@code ${scribe}}; a security plan adds {@code ${privacyLead}}.
 */
public enum Role {

	COMMANDER("commander", "Incident commander", RosterGroup.INCIDENT_COMMANDERS),
	COMMUNICATIONS_LEAD("communicationsLead", "Communications lead", null),
	SCRIBE("scribe", "Scribe", null),
	/** Answers for the people whose data a security incident exposed, and for telling regulators in time. */
	PRIVACY_LEAD("privacyLead", "Privacy lead", null);

	private final String variable;
	private final String displayName;
	private final RosterGroup requiredGroup;

	Role(String variable, String displayName, RosterGroup requiredGroup) {
		this.variable = variable;
		this.displayName = displayName;
		this.requiredGroup = requiredGroup;
	}

	/** The role's key in roster.yaml's roles and its process variable. */
	public String variable() {
		return variable;
	}

	public String displayName() {
		return displayName;
	}

	/** The group whose tasks the role works, which everyone in its pool must hold; null if none. */
	RosterGroup requiredGroup() {
		return requiredGroup;
	}

	public static Optional<Role> of(String variable) {
		return Arrays.stream(values()).filter(role -> role.variable.equals(variable)).findFirst();
	}
}
