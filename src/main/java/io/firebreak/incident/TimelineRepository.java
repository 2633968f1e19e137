package io.firebreak.incident;

import static io.firebreak.incident.IncidentRepository.instant;
import static io.firebreak.incident.IncidentRepository.timestamp;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append-only: timeline events are never updated or deleted. */
@Repository
public class TimelineRepository {

	private final JdbcClient jdbc;

	TimelineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void append(TimelineEvent event) {
		jdbc.sql("""
				insert into timeline_event (incident_key, occurred_at, kind, actor, description, task_name)
				values (?, ?, ?, ?, ?, ?)""")
			.params(event.incidentKey().value(), timestamp(event.occurredAt()), event.kind().name(), event.actor(),
					event.description(), event.taskName())
			.update();
	}

	public List<TimelineEvent> findByIncident(IncidentKey key) {
		return jdbc.sql("""
				select incident_key, occurred_at, kind, actor, description, task_name from timeline_event
				where incident_key = ? order by occurred_at, id""")
			.param(key.value())
			.query((rs, row) -> new TimelineEvent(new IncidentKey(rs.getString("incident_key")),
					instant(rs, "occurred_at"), TimelineEvent.Kind.valueOf(rs.getString("kind")), rs.getString("actor"),
					rs.getString("description"), rs.getString("task_name")))
			.list();
	}
}
