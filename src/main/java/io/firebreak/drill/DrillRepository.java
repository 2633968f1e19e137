package io.firebreak.drill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The drills and their participants (V10__drills.sql). */
@Repository
class DrillRepository {

	/** An incident a person held roles in or worked on; no roles: they completed a step. */
	record Involvement(String incidentKey, String title, boolean drill, String scenarioId, Instant declaredAt,
			List<String> roles) {
	}

	/** A drill {@code person} took part in. */
	record DrillTaken(String person, String incidentKey, Instant declaredAt) {
	}

	private static final String DRILL_COLUMNS = """
			d.incident_key, d.scenario_id, d.scenario_title, d.plan_key, d.started_by, d.started_at,
			d.process_instance_id, d.target_acknowledge_seconds, d.target_contain_seconds, d.target_mitigate_seconds,
			d.injects_planned, d.injects_delivered, d.scored_at""";

	private final JdbcClient jdbc;

	DrillRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Drill drill) {
		jdbc.sql("""
				insert into drill (incident_key, scenario_id, scenario_title, plan_key, started_by, started_at,
				  process_instance_id, target_acknowledge_seconds, target_contain_seconds, target_mitigate_seconds,
				  injects_planned, injects_delivered)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(drill.incidentKey(), drill.scenarioId(), drill.scenarioTitle(), drill.planKey(), drill.startedBy(),
					Timestamp.from(drill.startedAt()), drill.processInstanceId(),
					drill.targets().acknowledge().toSeconds(), drill.targets().contain().toSeconds(),
					drill.targets().mitigate().toSeconds(), drill.injectsPlanned())
			.update();
	}

	void injectDelivered(String incidentKey) {
		jdbc.sql("update drill set injects_delivered = injects_delivered + 1 where incident_key = ?")
			.param(incidentKey)
			.update();
	}

	/** Marks the drill scored: its plan has ended, and its card no longer changes. */
	void scored(String incidentKey, Instant at) {
		jdbc.sql("update drill set scored_at = ? where incident_key = ? and scored_at is null")
			.params(Timestamp.from(at), incidentKey)
			.update();
	}

	Optional<Drill> find(String incidentKey) {
		return jdbc.sql("select " + DRILL_COLUMNS + " from drill d where d.incident_key = ?")
			.param(incidentKey)
			.query(DrillRepository::drill)
			.optional();
	}

	/** The latest drills first, at most {@code limit}. */
	List<Drill> recent(int limit) {
		return jdbc.sql("select " + DRILL_COLUMNS + " from drill d order by d.started_at desc fetch first ? rows only")
			.param(limit)
			.query(DrillRepository::drill)
			.list();
	}

	/** When each scenario was last drilled, by scenario id. */
	Map<String, Instant> lastStartedByScenario() {
		Map<String, Instant> last = new HashMap<>();
		jdbc.sql("select scenario_id, max(started_at) as last_started from drill group by scenario_id")
			.query(rs -> {
				last.put(rs.getString("scenario_id"), rs.getTimestamp("last_started").toInstant());
			});
		return last;
	}

	/** Who completed a step of the incident's plan, in order of their first step. */
	List<String> stepActors(String incidentKey) {
		return jdbc.sql("""
				select actor from timeline_event
				where incident_key = ? and actor is not null and task_name is not null
				group by actor order by min(sequence_number)""")
			.param(incidentKey)
			.query(String.class)
			.list();
	}

	/**
	 * Each drill each of {@code people} took part in (held a role or completed a step), with when it
	 * was declared; those who never did are left out.
	 */
	List<DrillTaken> drillsTakenBy(Collection<String> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select distinct person, incident_key, declared_at from (
				  select commander as person, incident_key, declared_at from incident where drill = true
				  union all select communications_lead, incident_key, declared_at from incident where drill = true
				  union all select scribe, incident_key, declared_at from incident where drill = true
				  union all select acknowledged_by, incident_key, declared_at from incident where drill = true
				  union all select t.actor, i.incident_key, i.declared_at from timeline_event t
				    join incident i on i.incident_key = t.incident_key
				    where i.drill = true and t.task_name is not null
				) held where person in (:people)""")
			.param("people", List.copyOf(people))
			.query((rs, row) -> new DrillTaken(rs.getString("person"), rs.getString("incident_key"),
					instant(rs, "declared_at")))
			.list();
	}

	/**
	 * Every incident, real or drill, in which {@code person} held a role or completed a step, latest
	 * first, with the roles held (a step's worker only: "took part").
	 */
	List<Involvement> involvements(String person) {
		return jdbc.sql("""
				select i.incident_key, i.title, i.drill, i.declared_at, i.commander, i.communications_lead, i.scribe,
				  i.acknowledged_by, d.scenario_id
				from incident i left join drill d on d.incident_key = i.incident_key
				where i.commander = :person or i.communications_lead = :person or i.scribe = :person
				  or i.acknowledged_by = :person
				  or exists (select 1 from timeline_event t where t.incident_key = i.incident_key
				             and t.actor = :person and t.task_name is not null)
				order by i.declared_at desc""")
			.param("person", person)
			.query((rs, row) -> new Involvement(rs.getString("incident_key"), rs.getString("title"),
					rs.getBoolean("drill"), rs.getString("scenario_id"), instant(rs, "declared_at"),
					DrillRoles.held(person, rs.getString("commander"), rs.getString("communications_lead"),
							rs.getString("scribe"), rs.getString("acknowledged_by"))))
			.list();
	}

	private static Drill drill(ResultSet rs, int row) throws SQLException {
		return new Drill(rs.getString("incident_key"), rs.getString("scenario_id"), rs.getString("scenario_title"),
				rs.getString("plan_key"), rs.getString("started_by"), instant(rs, "started_at"),
				rs.getString("process_instance_id"),
				new DrillScenario.Targets(Duration.ofSeconds(rs.getLong("target_acknowledge_seconds")),
						Duration.ofSeconds(rs.getLong("target_contain_seconds")),
						Duration.ofSeconds(rs.getLong("target_mitigate_seconds"))),
				rs.getInt("injects_planned"), rs.getInt("injects_delivered"), instant(rs, "scored_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
