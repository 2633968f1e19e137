package io.firebreak.plan;

/**
 * The latest deployed version of a response plan (a process whose start event has milestone
 * {@code declared}), as a plan review sees it. {@code owner} is the roster person the plan names in
 * its process property {@value #OWNER_PROPERTY}, or null when it names none.
 */
public record ResponsePlan(String key, String name, int version, String versionTag, String definitionId,
		String owner) {

	/** The process property naming who reviews the plan; checked against the roster at deploy. */
	public static final String OWNER_PROPERTY = "firebreak.owner";

	/** The plan's name, or its key when the process has none. */
	public String title() {
		return name == null || name.isBlank() ? key : name;
	}
}
