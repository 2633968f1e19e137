package io.firebreak.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * An incident reached a response milestone (acknowledged, contained, mitigated, resolved) for the
 * first time. Published inside the transaction that records it, so a listener that acts on it
 * only once the record is kept waits for the commit (io.firebreak.report.IncidentTimeMetrics).
 * {@code severity} is null while the incident is untriaged.
 */
public record IncidentMilestoneReached(IncidentKey key, Milestone milestone, Instant declaredAt, Instant at,
		Severity severity, String service, boolean drill) {

	public Duration sinceDeclared() {
		return Duration.between(declaredAt, at);
	}
}
