package io.firebreak.incident;

/**
 * A validated declaration: the same rules hold whether it came from the API, a Tasklist start
 * form or an alert, so each entry point builds one through {@link #of}.
 */
public record IncidentDeclaration(String title, String summary, String service, Impact impact, Urgency urgency,
		IncidentType type, boolean drill) {

	public static final int TITLE_MAX = 200;
	public static final int SUMMARY_MAX = 4000;
	public static final int SERVICE_MAX = 64;

	public static IncidentDeclaration of(String title, String summary, String service, String impact, String urgency,
			String type, Boolean drill) {
		return new IncidentDeclaration(
				FieldRules.required("title", title, TITLE_MAX),
				FieldRules.optional("summary", summary, SUMMARY_MAX),
				FieldRules.required("service", service, SERVICE_MAX),
				Impact.of(FieldRules.required("impact", impact, 32)),
				Urgency.of(FieldRules.required("urgency", urgency, 32)),
				IncidentType.of(type),
				Boolean.TRUE.equals(drill));
	}
}
