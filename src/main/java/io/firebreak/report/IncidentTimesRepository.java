package io.firebreak.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.firebreak.incident.Severity;

/** Reads the incident record for the reports: only the columns they need, one query per question. */
@Repository
class IncidentTimesRepository {

	/** Service, severity and drill of an incident. */
	record IncidentFacts(String key, String service, Severity severity, boolean drill) {
	}

	private final JdbcClient jdbc;

	IncidentTimesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every incident the filter covers, with its postmortem's status: one query, narrowed by the
	 * declaration time (an index on {@code incident.declared_at} keeps it to the period's rows).
	 */
	List<IncidentTimes> declaredIn(ReportFilter filter) {
		StringBuilder sql = new StringBuilder("""
				select i.incident_key, i.service, i.severity, i.drill, i.declared_at, i.acknowledged_at,
				  i.contained_at, i.mitigated_at, i.resolved_at, p.status as postmortem_status
				from incident i left join postmortem p on p.incident_key = i.incident_key
				where i.declared_at >= :start and i.declared_at < :end and i.drill = false""");
		// no "(:service is null or ...)": PostgreSQL cannot type a null parameter it only compares
		if (filter.service() != null) {
			sql.append(" and i.service = :service");
		}
		if (filter.severity() != null) {
			sql.append(" and i.severity = :severity");
		}
		JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
			.param("start", Timestamp.from(filter.start()))
			.param("end", Timestamp.from(filter.end()));
		if (filter.service() != null) {
			statement = statement.param("service", filter.service());
		}
		if (filter.severity() != null) {
			statement = statement.param("severity", filter.severity().name());
		}
		return statement.query(IncidentTimesRepository::map).list();
	}

	/** Every service some incident was declared for, including services no longer configured. */
	List<String> servicesWithIncidents() {
		return jdbc.sql("select distinct service from incident").query(String.class).list();
	}

	/** The facts of each incident in {@code keys} that exists, by key. */
	Map<String, IncidentFacts> facts(Collection<String> keys) {
		if (keys.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select incident_key, service, severity, drill from incident where incident_key in (:keys)")
			.param("keys", List.copyOf(keys))
			.query((rs, row) -> new IncidentFacts(rs.getString("incident_key"), rs.getString("service"),
					severity(rs), rs.getBoolean("drill")))
			.list()
			.stream()
			.collect(Collectors.toMap(IncidentFacts::key, Function.identity()));
	}

	private static IncidentTimes map(ResultSet rs, int row) throws SQLException {
		return new IncidentTimes(rs.getString("incident_key"), rs.getString("service"), severity(rs),
				rs.getBoolean("drill"), instant(rs, "declared_at"), instant(rs, "acknowledged_at"),
				instant(rs, "contained_at"), instant(rs, "mitigated_at"), instant(rs, "resolved_at"),
				rs.getString("postmortem_status"));
	}

	private static Severity severity(ResultSet rs) throws SQLException {
		String severity = rs.getString("severity");
		return severity == null ? null : Severity.valueOf(severity);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
