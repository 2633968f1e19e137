package io.firebreak.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class IncidentRepository {

	private static final String COLUMNS = """
			incident_key, title, summary, service, incident_type, drill, impact, urgency, severity,
			customer_impact, assessed_at, status, commander, communications_lead, scribe, privacy_lead, declared_by,
			declared_at, acknowledged_by, acknowledged_at, contained_at, mitigated_at, resolved_at, closed_at, process_instance_id""";

	private final JdbcClient jdbc;

	IncidentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Incident incident) {
		jdbc.sql("insert into incident (" + COLUMNS + ") values ("
				+ ":key, :title, :summary, :service, :type, :drill, :impact, :urgency, :severity, :customerImpact, "
				+ ":assessedAt, :status, :commander, :communicationsLead, :scribe, :privacyLead, :declaredBy, :declaredAt, "
				+ ":acknowledgedBy, :acknowledgedAt, :containedAt, :mitigatedAt, :resolvedAt, :closedAt, :processInstanceId)")
			.paramSource(parameters(incident))
			.update();
	}

	public void update(Incident incident) {
		jdbc.sql("""
				update incident set service = :service, impact = :impact, urgency = :urgency, severity = :severity,
				  customer_impact = :customerImpact, assessed_at = :assessedAt, status = :status, commander = :commander,
				  communications_lead = :communicationsLead, scribe = :scribe, privacy_lead = :privacyLead,
				  acknowledged_by = :acknowledgedBy,
				  acknowledged_at = :acknowledgedAt, contained_at = :containedAt, mitigated_at = :mitigatedAt,
				  resolved_at = :resolvedAt, closed_at = :closedAt
				where incident_key = :key""")
			.paramSource(parameters(incident))
			.update();
	}

	public Optional<Incident> findByKey(IncidentKey key) {
		return jdbc.sql("select " + COLUMNS + " from incident where incident_key = ?")
			.param(key.value())
			.query(IncidentRepository::map)
			.optional();
	}

	/** A key as typed into a URL: a malformed one finds nothing, like an unknown one. */
	public Optional<Incident> findByKey(String key) {
		return IncidentKey.isWellFormed(key) ? findByKey(new IncidentKey(key)) : Optional.empty();
	}

	/** Worst severity first, untriaged incidents on top since nobody has judged them yet. */
	public List<Incident> findOpen() {
		return jdbc.sql("select " + COLUMNS + " from incident where status not in ('RESOLVED', 'CLOSED') "
				+ "order by case when severity is null then 0 else 1 end, severity, declared_at desc")
			.query(IncidentRepository::map)
			.list();
	}

	/**
	 * Every incident that was going on at some time since {@code since}: still open, or declared or
	 * resolved since then. Most recently declared first.
	 */
	public List<Incident> findActiveSince(Instant since) {
		return jdbc.sql("select " + COLUMNS + " from incident where status not in ('RESOLVED', 'CLOSED') "
				+ "or declared_at >= :since or resolved_at >= :since order by declared_at desc, incident_key desc")
			.param("since", timestamp(since))
			.query(IncidentRepository::map)
			.list();
	}

	/** Every incident of {@code type}, most recently declared first. */
	public List<Incident> findOfType(IncidentType type) {
		return jdbc.sql("select " + COLUMNS + " from incident where incident_type = ? order by declared_at desc")
			.param(type.name())
			.query(IncidentRepository::map)
			.list();
	}

	public List<Incident> findRecent(int limit) {
		return jdbc.sql("select " + COLUMNS + " from incident order by declared_at desc, incident_key desc limit ?")
			.param(limit)
			.query(IncidentRepository::map)
			.list();
	}

	private static IncidentParameters parameters(Incident incident) {
		return new IncidentParameters(incident);
	}

	private static Incident map(ResultSet rs, int row) throws SQLException {
		Incident.Builder builder = new Incident.Builder(new IncidentKey(rs.getString("incident_key")));
		builder.title = rs.getString("title");
		builder.summary = rs.getString("summary");
		builder.service = rs.getString("service");
		builder.type = IncidentType.valueOf(rs.getString("incident_type"));
		builder.drill = rs.getBoolean("drill");
		builder.impact = Impact.valueOf(rs.getString("impact"));
		builder.urgency = Urgency.valueOf(rs.getString("urgency"));
		String severity = rs.getString("severity");
		builder.severity = severity == null ? null : Severity.valueOf(severity);
		builder.customerImpact = rs.getString("customer_impact");
		builder.assessedAt = instant(rs, "assessed_at");
		builder.status = IncidentStatus.valueOf(rs.getString("status"));
		builder.commander = rs.getString("commander");
		builder.communicationsLead = rs.getString("communications_lead");
		builder.scribe = rs.getString("scribe");
		builder.privacyLead = rs.getString("privacy_lead");
		builder.declaredBy = rs.getString("declared_by");
		builder.declaredAt = instant(rs, "declared_at");
		builder.acknowledgedBy = rs.getString("acknowledged_by");
		builder.acknowledgedAt = instant(rs, "acknowledged_at");
		builder.containedAt = instant(rs, "contained_at");
		builder.mitigatedAt = instant(rs, "mitigated_at");
		builder.resolvedAt = instant(rs, "resolved_at");
		builder.closedAt = instant(rs, "closed_at");
		builder.processInstanceId = rs.getString("process_instance_id");
		return builder.build();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
