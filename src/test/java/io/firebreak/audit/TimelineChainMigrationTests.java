package io.firebreak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.firebreak.incident.TimelineRepository;
import io.firebreak.incident.TimelineRepository.ChainedEvent;

/**
 * A database recorded before the hash chain upgrades to one that verifies: V7 chains every
 * incident's events in the order they were read until then, and appends continue the chain.
 */
class TimelineChainMigrationTests {

	@Test
	void eventsRecordedBeforeTheChainAreChainedInTheOrderTheyWereRead() {
		DriverManagerDataSource database = new DriverManagerDataSource(
				"jdbc:h2:mem:chain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(database).table("firebreak_schema_history").target("6").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		for (String key : List.of("INC-2026-0001", "INC-2026-0002")) {
			jdbc.sql("""
					insert into incident (incident_key, title, service, incident_type, drill, impact, urgency, status,
					declared_at) values (?, 'Checkout errors', 'checkout', 'operational', false, 'minor', 'low', 'OPEN', ?)""")
				.params(key, Timestamp.from(Instant.parse("2026-03-01T10:00:00Z")))
				.update();
		}
		// recorded out of time order: the second row happened first
		insert(jdbc, "INC-2026-0001", "2026-03-01T10:05:00Z", "ACKNOWLEDGED", "oncall");
		insert(jdbc, "INC-2026-0001", "2026-03-01T10:00:00Z", "DECLARED", "ic");
		insert(jdbc, "INC-2026-0002", "2026-03-01T11:00:00Z", "DECLARED", "ic");

		Flyway.configure().dataSource(database).table("firebreak_schema_history").load().migrate();

		List<ChainedEvent> first = new ArrayList<>();
		TimelineRepository timeline = new TimelineRepository(jdbc);
		timeline.forEachInChainOrder(event -> {
			if (event.incidentKey().equals("INC-2026-0001")) {
				first.add(event);
			}
		});
		assertThat(first).extracting(ChainedEvent::kind).containsExactly("DECLARED", "ACKNOWLEDGED");
		assertThat(first).extracting(ChainedEvent::sequence).containsExactly(1L, 2L);
		assertThat(first.get(0).previousHash()).isNull();
		assertThat(first.get(1).previousHash()).isEqualTo(first.get(0).hash());
		first.forEach(event -> assertThat(event.hash()).isEqualTo(event.expectedHash()));

		var clock = java.time.Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), java.time.ZoneOffset.UTC);
		var report = new TimelineVerification(timeline, jdbc, clock).verify();
		assertThat(report.intact()).isTrue();
		assertThat(report.events()).isEqualTo(3);
		assertThat(report.heads()).extracting(TimelineVerification.ChainHead::head)
			.contains(first.get(1).hash());
	}

	private static void insert(JdbcClient jdbc, String key, String at, String kind, String actor) {
		jdbc.sql("insert into timeline_event (incident_key, occurred_at, kind, actor, description) values (?, ?, ?, ?, ?)")
			.params(key, Timestamp.from(Instant.parse(at)), kind, actor, kind + " by " + actor)
			.update();
	}
}
