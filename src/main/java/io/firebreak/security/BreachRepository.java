package io.firebreak.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Breach assessments and the notifications they oblige (V11__security_incidents.sql). */
@Repository
class BreachRepository {

	private static final String OBLIGATION_COLUMNS = """
			incident_key, obligation, recipient, basis, deadline_at, decided_at, sent_at, sent_to, reference,
			what_was_sent, late_reason, recorded_by, recorded_at, last_reminded_at""";

	private final JdbcClient jdbc;

	BreachRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The assessment replaces an earlier one of the same incident: the latest facts count. */
	void save(BreachAssessment assessment) {
		jdbc.sql("delete from breach_assessment where incident_key = ?").param(assessment.incidentKey()).update();
		jdbc.sql("""
				insert into breach_assessment (incident_key, aware_at, personal_data_exposed, records_exposed,
				  jurisdictions, high_risk_to_people, assessed_by, assessed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(assessment.incidentKey(), Timestamp.from(assessment.awareAt()), assessment.personalDataExposed(),
					assessment.recordsExposed(), String.join(",", assessment.jurisdictions()),
					assessment.highRiskToPeople(), assessment.assessedBy(), Timestamp.from(assessment.assessedAt()))
			.update();
	}

	Optional<BreachAssessment> assessment(String incidentKey) {
		return jdbc.sql("""
				select incident_key, aware_at, personal_data_exposed, records_exposed, jurisdictions,
				  high_risk_to_people, assessed_by, assessed_at
				from breach_assessment where incident_key = ?""")
			.param(incidentKey)
			.query((rs, row) -> new BreachAssessment(rs.getString("incident_key"), instant(rs, "aware_at"),
					rs.getBoolean("personal_data_exposed"), rs.getLong("records_exposed"),
					Arrays.stream(rs.getString("jurisdictions").split(",")).filter(j -> !j.isBlank()).toList(),
					rs.getBoolean("high_risk_to_people"), rs.getString("assessed_by"), instant(rs, "assessed_at")))
			.optional();
	}

	/** Adds the obligation unless the incident has it already (a retried decision keeps the first). */
	void addIfAbsent(BreachObligation obligation) {
		jdbc.sql("""
				insert into breach_obligation (incident_key, obligation, recipient, basis, deadline_at, decided_at)
				select ?, ?, ?, ?, ?, ? where not exists
				  (select 1 from breach_obligation where incident_key = ? and obligation = ?)""")
			.params(obligation.incidentKey(), obligation.obligation(), obligation.recipient(), obligation.basis(),
					Timestamp.from(obligation.deadlineAt()), Timestamp.from(obligation.decidedAt()),
					obligation.incidentKey(), obligation.obligation())
			.update();
	}

	/** Earliest deadline first. */
	List<BreachObligation> obligations(String incidentKey) {
		return jdbc.sql("select " + OBLIGATION_COLUMNS
				+ " from breach_obligation where incident_key = ? order by deadline_at, obligation")
			.param(incidentKey)
			.query(BreachRepository::obligation)
			.list();
	}

	Optional<BreachObligation> obligation(String incidentKey, String obligation) {
		return jdbc.sql("select " + OBLIGATION_COLUMNS + " from breach_obligation where incident_key = ? and obligation = ?")
			.params(incidentKey, obligation)
			.query(BreachRepository::obligation)
			.optional();
	}

	void recordSent(BreachObligation met) {
		jdbc.sql("""
				update breach_obligation set sent_at = ?, sent_to = ?, reference = ?, what_was_sent = ?, late_reason = ?,
				  recorded_by = ?, recorded_at = ?
				where incident_key = ? and obligation = ?""")
			.params(Timestamp.from(met.sentAt()), met.sentTo(), met.reference(), met.whatWasSent(), met.lateReason(),
					met.recordedBy(), Timestamp.from(met.recordedAt()), met.incidentKey(), met.obligation())
			.update();
	}

	void reminded(String incidentKey, String obligation, Instant at) {
		jdbc.sql("update breach_obligation set last_reminded_at = ? where incident_key = ? and obligation = ?")
			.params(Timestamp.from(at), incidentKey, obligation)
			.update();
	}

	private static BreachObligation obligation(ResultSet rs, int row) throws SQLException {
		return new BreachObligation(rs.getString("incident_key"), rs.getString("obligation"), rs.getString("recipient"),
				rs.getString("basis"), instant(rs, "deadline_at"), instant(rs, "decided_at"), instant(rs, "sent_at"),
				rs.getString("sent_to"), rs.getString("reference"), rs.getString("what_was_sent"),
				rs.getString("late_reason"), rs.getString("recorded_by"), instant(rs, "recorded_at"),
				instant(rs, "last_reminded_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
