package io.firebreak.postmortem;

import java.time.Instant;

import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.Severity;

/** One row of the postmortems list: the incident's facts and where its postmortem stands. */
public record PostmortemSummary(IncidentKey key, String title, String service, Severity severity, boolean drill,
		Postmortem.Status status, String owner, Instant declaredAt, Instant publishedAt) {
}
