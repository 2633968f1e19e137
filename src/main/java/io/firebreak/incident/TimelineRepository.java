package io.firebreak.incident;

import static io.firebreak.incident.IncidentRepository.instant;
import static io.firebreak.incident.IncidentRepository.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Append-only: timeline events are never updated or deleted, and each is chained to the one
 * before it ({@link TimelineChain}).
 */
@Repository
public class TimelineRepository {

	/**
	 * An event as stored, column by column (a verification must read a row whatever was written
	 * into it): its place in its incident's chain, and the chain's hashes.
	 */
	public record ChainedEvent(long id, String incidentKey, long sequence, Instant occurredAt, String kind,
			String actor, String description, String taskName, String previousHash, String hash) {

		public TimelineEvent event() {
			return new TimelineEvent(new IncidentKey(incidentKey), occurredAt, TimelineEvent.Kind.valueOf(kind), actor,
					description, taskName);
		}

		/** What {@link #hash} must be if nobody changed the row since it was written. */
		public String expectedHash() {
			return TimelineChain.hash(incidentKey, sequence, occurredAt, kind, actor, description, taskName,
					previousHash);
		}
	}

	private record Head(long sequence, String hash) {
	}

	private static final String COLUMNS = """
			id, incident_key, sequence_number, occurred_at, kind, actor, description, task_name, previous_hash, event_hash""";

	private final JdbcClient jdbc;

	public TimelineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Appends the event to the end of its incident's chain. The incident's row is locked first, so
	 * that two transactions appending to one incident take turns (the second one sees the first's
	 * event as the head) instead of forking the chain. Locked by an update that changes no key, not
	 * by SELECT … FOR UPDATE: on PostgreSQL that lock also blocks rows referring to the incident,
	 * and a step that appends and then records a notification in a transaction of its own (a page)
	 * would wait for itself for ever.
	 */
	public void append(TimelineEvent event) {
		String key = event.incidentKey().value();
		jdbc.sql("update incident set status = status where incident_key = ?").param(key).update();
		Head head = jdbc.sql("""
				select sequence_number, event_hash from timeline_event where incident_key = ?
				order by sequence_number desc fetch first 1 rows only""")
			.param(key)
			.query((rs, row) -> new Head(rs.getLong("sequence_number"), rs.getString("event_hash")))
			.optional()
			.orElse(new Head(0, null));
		long sequence = head.sequence() + 1;
		jdbc.sql("""
				insert into timeline_event (incident_key, sequence_number, occurred_at, kind, actor, description,
				task_name, previous_hash, event_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(key, sequence, timestamp(TimelineChain.stored(event.occurredAt())), event.kind().name(),
					event.actor(), event.description(), event.taskName(), head.hash(),
					TimelineChain.hash(event, sequence, head.hash()))
			.update();
	}

	public List<TimelineEvent> findByIncident(IncidentKey key) {
		return findChainedByIncident(key).stream().map(ChainedEvent::event).toList();
	}

	/** In the order people read it: by time, then as recorded. */
	public List<ChainedEvent> findChainedByIncident(IncidentKey key) {
		return jdbc.sql("select " + COLUMNS + " from timeline_event where incident_key = ? order by occurred_at, id")
			.param(key.value())
			.query((rs, row) -> chained(rs))
			.list();
	}

	/** Every event of every incident, each incident's in chain order: what a verification walks. */
	public void forEachInChainOrder(Consumer<ChainedEvent> action) {
		jdbc.sql("select " + COLUMNS + " from timeline_event order by incident_key, sequence_number")
			.query(rs -> {
				action.accept(chained(rs));
			});
	}

	private static ChainedEvent chained(ResultSet rs) throws SQLException {
		return new ChainedEvent(rs.getLong("id"), rs.getString("incident_key"), rs.getLong("sequence_number"),
				instant(rs, "occurred_at"), rs.getString("kind"), rs.getString("actor"), rs.getString("description"),
				rs.getString("task_name"), rs.getString("previous_hash"), rs.getString("event_hash"));
	}
}
