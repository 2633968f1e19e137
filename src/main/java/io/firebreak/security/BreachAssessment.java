package io.firebreak.security;

import java.time.Instant;
import java.util.List;

/**
 * What a security incident exposed, as assessed, and the moment of awareness every regulatory
 * deadline runs from.
 */
public record BreachAssessment(String incidentKey, Instant awareAt, boolean personalDataExposed, long recordsExposed,
		List<String> jurisdictions, boolean highRiskToPeople, String assessedBy, Instant assessedAt) {

	public BreachAssessment {
		jurisdictions = List.copyOf(jurisdictions);
	}

	/** As the timeline and the incident page say it. */
	public String describe() {
		if (!personalDataExposed) {
			return "no personal data exposed";
		}
		return "personal data exposed: %d record%s, %s%s".formatted(recordsExposed, recordsExposed == 1 ? "" : "s",
				jurisdictions.isEmpty() ? "no jurisdiction named"
						: "people in " + String.join(", ", jurisdictions.stream().map(j -> j.toUpperCase(java.util.Locale.ROOT)).toList()),
				highRiskToPeople ? ", high risk to the people" : "");
	}
}
