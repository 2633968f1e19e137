package io.firebreak.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.firebreak.incident.IncidentKey;

/** Alert groups, the incident each belongs to, and the events taken in for them. */
@Repository
class AlertGroups {

	/** The group as locked for one delivery. */
	record LockedGroup(long id, Optional<IncidentKey> incident) {
	}

	/** An event taken in but not yet on its incident's timeline. */
	record PendingEvent(long id, AlertSource source, AlertEvent.Kind kind, String description) {
	}

	private final JdbcClient jdbc;

	AlertGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the group's row if it is new, then locks it until the transaction ends, so that the
	 * deliveries of one group are taken in one after the other. Two first firings that race past
	 * the existence check: one insert wins, the other fails on the unique constraint, and its whole
	 * transaction is tried again (and finds the row).
	 */
	LockedGroup lock(AlertDelivery delivery, String service, Instant now) {
		return locked(delivery).orElseGet(() -> {
			jdbc.sql("""
					insert into alert_group (source, group_hash, group_key, service, created_at)
					select :source, :hash, :groupKey, :service, :now from (values (1)) as one (x)
					where not exists (select 1 from alert_group where source = :source and group_hash = :hash)""")
				.param("source", delivery.source().id())
				.param("hash", delivery.groupHash())
				.param("groupKey", delivery.groupKey())
				.param("service", service)
				.param("now", Timestamp.from(now))
				.update();
			return locked(delivery).orElseThrow();
		});
	}

	private Optional<LockedGroup> locked(AlertDelivery delivery) {
		return jdbc.sql("select id, incident_key from alert_group where source = ? and group_hash = ? for update")
			.params(delivery.source().id(), delivery.groupHash())
			.query((rs, row) -> new LockedGroup(rs.getLong("id"),
					Optional.ofNullable(rs.getString("incident_key")).map(IncidentKey::new)))
			.optional();
	}

	/**
	 * Whether every event of the delivery was taken in before, and the group's incident if so; read
	 * without locking, which is safe because an event once taken in is never taken out.
	 */
	Optional<Optional<IncidentKey>> allSeen(AlertDelivery delivery) {
		List<String> keys = delivery.events().stream().map(AlertEvent::eventKey).distinct().toList();
		List<Optional<IncidentKey>> seen = jdbc.sql("""
				select g.incident_key from alert_event e join alert_group g on g.id = e.alert_group_id
				where e.event_key in (:keys)""")
			.param("keys", keys)
			.query((rs, row) -> Optional.ofNullable(rs.getString("incident_key")).map(IncidentKey::new))
			.list();
		return seen.size() == keys.size() ? Optional.of(seen.get(0)) : Optional.empty();
	}

	/** Read without locking: a hint for queueing, decided again under the group's lock. */
	boolean hasOpenIncident(AlertDelivery delivery) {
		return jdbc.sql("""
				select count(*) from alert_group g join incident i on i.incident_key = g.incident_key
				where g.source = ? and g.group_hash = ? and i.status not in ('RESOLVED', 'CLOSED')""")
			.params(delivery.source().id(), delivery.groupHash())
			.query(Integer.class)
			.single() > 0;
	}

	/** The events of the delivery not taken in before, in the delivery's order. */
	List<AlertEvent> unseen(List<AlertEvent> events) {
		Set<String> seen = new HashSet<>(jdbc.sql("select event_key from alert_event where event_key in (:keys)")
			.param("keys", events.stream().map(AlertEvent::eventKey).toList())
			.query(String.class)
			.list());
		Set<String> taken = new HashSet<>();
		return events.stream().filter(event -> !seen.contains(event.eventKey()) && taken.add(event.eventKey())).toList();
	}

	void assign(long groupId, IncidentKey incident) {
		jdbc.sql("update alert_group set incident_key = ? where id = ?").params(incident.value(), groupId).update();
	}

	/** {@code incident} is empty for events that arrive while the group has no open incident. */
	void takeIn(long groupId, Optional<IncidentKey> incident, List<AlertEvent> events, Instant now) {
		for (AlertEvent event : events) {
			jdbc.sql("""
					insert into alert_event (alert_group_id, incident_key, event_key, kind, description, received_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(groupId, incident.map(IncidentKey::value).orElse(null), event.eventKey(), event.kind().name(),
						event.description(), Timestamp.from(now))
				.update();
		}
	}

	List<PendingEvent> pending(IncidentKey incident) {
		return jdbc.sql("""
				select e.id, g.source, e.kind, e.description from alert_event e join alert_group g on g.id = e.alert_group_id
				where e.incident_key = ? and e.recorded_at is null order by e.id""")
			.param(incident.value())
			.query((rs, row) -> new PendingEvent(rs.getLong("id"), AlertSource.ofId(rs.getString("source")),
					AlertEvent.Kind.valueOf(rs.getString("kind")), rs.getString("description")))
			.list();
	}

	void markRecorded(List<PendingEvent> events, Instant at) {
		if (!events.isEmpty()) {
			jdbc.sql("update alert_event set recorded_at = :at where id in (:ids)")
				.param("at", Timestamp.from(at))
				.param("ids", events.stream().map(PendingEvent::id).toList())
				.update();
		}
	}
}
