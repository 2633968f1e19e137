package io.firebreak.report;

import java.time.Instant;

import io.firebreak.incident.Severity;

/**
 * One incident as the reports see it: where and how bad, whether a drill, when each milestone was
 * reached (null until it is), and its postmortem's status (DRAFT, PUBLISHED), null when it has none.
 */
record IncidentTimes(String key, String service, Severity severity, boolean drill, Instant declaredAt,
		Instant acknowledgedAt, Instant containedAt, Instant mitigatedAt, Instant resolvedAt, String postmortemStatus) {

	boolean heldPostmortem() {
		return postmortemStatus != null;
	}

	boolean publishedPostmortem() {
		return "PUBLISHED".equals(postmortemStatus);
	}
}
