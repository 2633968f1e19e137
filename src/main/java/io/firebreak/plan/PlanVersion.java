package io.firebreak.plan;

import java.time.Instant;

/**
 * One deployed version of a plan as the catalog shows it. {@code deployedBy} is null for a
 * deployment nobody signed in made: Firebreak's own, from {@code processes/} at start-up.
 */
record PlanVersion(String definitionId, String key, String name, int version, String versionTag, Instant deployedAt,
		String deployedBy, String deploymentName, String deploymentSource, long running) {

	static final String COCKPIT = "/camunda/app/cockpit/default/#/process-definition/";

	public String cockpitUrl() {
		return COCKPIT + definitionId + "/runtime";
	}

	/** The plan's name, or its key when the process has none. */
	public String title() {
		return name == null || name.isBlank() ? key : name;
	}
}
