package io.firebreak.incident;

import static io.firebreak.incident.IncidentRepository.timestamp;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The incident's columns as named SQL parameters. */
class IncidentParameters extends MapSqlParameterSource {

	IncidentParameters(Incident incident) {
		addValue("key", incident.key().value());
		addValue("title", incident.title());
		addValue("summary", incident.summary());
		addValue("service", incident.service());
		addValue("type", incident.type().name());
		addValue("drill", incident.drill());
		addValue("impact", incident.impact().name());
		addValue("urgency", incident.urgency().name());
		addValue("severity", incident.severity() == null ? null : incident.severity().name());
		addValue("customerImpact", incident.customerImpact());
		addValue("assessedAt", timestamp(incident.assessedAt()));
		addValue("status", incident.status().name());
		addValue("commander", incident.commander());
		addValue("communicationsLead", incident.communicationsLead());
		addValue("scribe", incident.scribe());
		addValue("privacyLead", incident.privacyLead());
		addValue("declaredBy", incident.declaredBy());
		addValue("declaredAt", timestamp(incident.declaredAt()));
		addValue("acknowledgedBy", incident.acknowledgedBy());
		addValue("acknowledgedAt", timestamp(incident.acknowledgedAt()));
		addValue("containedAt", timestamp(incident.containedAt()));
		addValue("mitigatedAt", timestamp(incident.mitigatedAt()));
		addValue("resolvedAt", timestamp(incident.resolvedAt()));
		addValue("closedAt", timestamp(incident.closedAt()));
		addValue("processInstanceId", incident.processInstanceId());
	}
}
