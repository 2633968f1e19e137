package io.firebreak.roster;

import java.util.List;

/** The Camunda groups Firebreak's roles map to. */
public enum RosterGroup {
	INCIDENT_COMMANDERS("incident-commanders", "Incident commanders"),
	RESPONDERS("responders", "Responders"),
	COMMUNICATIONS("communications", "Communications"),
	SECURITY_TEAM("security-team", "Security team"),
	AUDITORS("auditors", "Auditors"),
	PLAN_AUTHORS("plan-authors", "Plan authors"),
	FIREBREAK_ADMINS("firebreak-admins", "Firebreak administrators");

	private final String id;
	private final String displayName;

	RosterGroup(String id, String displayName) {
		this.id = id;
		this.displayName = displayName;
	}

	public String id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public static List<String> ids() {
		return java.util.Arrays.stream(values()).map(RosterGroup::id).toList();
	}
}
