package io.firebreak.incident;

import java.time.Instant;

/** An incident as the API shows it; enum values in the API's own lower-case vocabulary. */
record IncidentView(String key, String title, String summary, String service, String type, boolean drill,
		String impact, String urgency, String severity, String status, String customerImpact, String commander,
		String communicationsLead, String scribe, String privacyLead, String declaredBy, Instant declaredAt,
		Instant assessedAt, String acknowledgedBy,
		Instant acknowledgedAt, Instant containedAt, Instant mitigatedAt, Instant resolvedAt, Instant closedAt) {

	static IncidentView of(Incident incident) {
		return new IncidentView(incident.key().value(), incident.title(), incident.summary(), incident.service(),
				incident.type().value(), incident.drill(), incident.impact().value(), incident.urgency().value(),
				incident.severity() == null ? null : incident.severity().name(),
				incident.status().name().toLowerCase(java.util.Locale.ROOT), incident.customerImpact(),
				incident.commander(), incident.communicationsLead(), incident.scribe(), incident.privacyLead(),
				incident.declaredBy(),
				incident.declaredAt(), incident.assessedAt(), incident.acknowledgedBy(), incident.acknowledgedAt(), incident.containedAt(),
				incident.mitigatedAt(), incident.resolvedAt(), incident.closedAt());
	}
}
