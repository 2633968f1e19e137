package io.firebreak.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.firebreak.FirebreakSpringTest;
import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.retention.IncidentRetirement.Retired;

/**
 * Firebreak's own record follows the retention policy: an incident closed longer ago than its plan
 * keeps its history goes, with everything that refers to it, and leaves a retired_incident row.
 * The engine clock stands in for the years in between.
 */
@FirebreakSpringTest
class IncidentRetirementIntegrationTests {

	private static final List<String> RECORD_TABLES = List.of("incident", "timeline_event", "notification",
			"customer_update", "postmortem", "action_item", "alert_event", "alert_group");

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncidentRetirement retirement;

	@AfterEach
	void backToNow() {
		ClockUtil.reset();
	}

	@Test
	void anIncidentGoesOnceItsPlansTimeToLiveHasPassedSinceItClosed() {
		Instant closed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String key = closedIncident("operational", closed);
		int timelineEvents = count("timeline_event", key);
		assertThat(timelineEvents).isPositive();
		String head = jdbc.sql("select event_hash from timeline_event where incident_key = ? and sequence_number = ?")
			.params(key, timelineEvents).query(String.class).single();

		at(closed.plus(Duration.ofDays(2189)));
		assertThat(retirement.retireExpired()).extracting(Retired::key).doesNotContain(key);
		assertThat(rowsOf(key)).as("incident-response keeps its history 2190 days").doesNotContainValue(0);

		at(closed.plus(Duration.ofDays(2191)));
		assertThat(retirement.retireExpired()).extracting(Retired::key).contains(key);

		assertThat(rowsOf(key)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
		Map<String, Object> retired = jdbc.sql("select * from retired_incident where incident_key = ?").param(key)
			.query().singleRow();
		assertThat(retired).containsEntry("PLAN_KEY", "incident-response")
			.containsEntry("INCIDENT_TYPE", "OPERATIONAL")
			.containsEntry("RETAINED_DAYS", 2190)
			.containsEntry("TIMELINE_EVENTS_REMOVED", timelineEvents)
			.containsEntry("TIMELINE_HEAD_HASH", head)
			.containsEntry("NOTIFICATIONS_REMOVED", 1);
		assertThat(((OffsetDateTime) retired.get("CLOSED_AT")).toInstant()).isEqualTo(closed);
		// the engine clock runs on from where the test set it
		assertThat(((OffsetDateTime) retired.get("RETIRED_AT")).toInstant()).isBetween(closed.plus(Duration.ofDays(2191)),
				closed.plus(Duration.ofDays(2191)).plus(Duration.ofMinutes(1)));

		assertThat(retirement.retireExpired()).as("a second run finds nothing left to do").extracting(Retired::key)
			.doesNotContain(key);
		assertThat(jdbc.sql("select count(*) from retired_incident where incident_key = ?").param(key).query(Integer.class)
			.single()).isOne();
	}

	@Test
	void withoutAPlanCamundaStillKnowsAnIncidentIsKeptTheMinimumForItsType() {
		Instant closed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String operational = closedIncident("operational", closed);
		String security = closedIncident("security", closed);
		jdbc.sql("update incident set process_instance_id = null where incident_key in (?, ?)").params(operational, security)
			.update();

		at(closed.plus(Duration.ofDays(401)));
		assertThat(retirement.retireExpired()).extracting(Retired::key).contains(operational).doesNotContain(security);

		at(closed.plus(Duration.ofDays(2191)));
		assertThat(retirement.retireExpired()).extracting(Retired::key).contains(security);
		assertThat(jdbc.sql("select retained_days from retired_incident where incident_key = ?").param(security)
			.query(Integer.class).single()).isEqualTo(2190);
	}

	@Test
	void anIncidentSomethingStillWorksOnStays() {
		Instant closed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String key = declarations.declare(IncidentDeclaration.of("Checkout errors", null, "checkout", "significant", "high",
				null, false)).value();
		close(key, closed);

		at(closed.plus(Duration.ofDays(2191)));
		assertThat(retirement.retireExpired()).extracting(Retired::key).doesNotContain(key);
		assertThat(count("incident", key)).isOne();
	}

	@Test
	void twoNodesRetiringAtOnceRetireEachIncidentOnce() throws Exception {
		Instant closed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<String> keys = List.of(closedIncident("operational", closed), closedIncident("operational", closed),
				closedIncident("operational", closed));
		at(closed.plus(Duration.ofDays(2191)));

		ExecutorService nodes = Executors.newFixedThreadPool(2);
		Callable<List<Retired>> node = retirement::retireExpired;
		List<Future<List<Retired>>> runs = nodes.invokeAll(List.of(node, node));
		nodes.shutdown();
		List<String> retired = new ArrayList<>();
		for (Future<List<Retired>> run : runs) {
			run.get().forEach(incident -> retired.add(incident.key()));
		}

		assertThat(retired).as("each retired by one node").containsAll(keys).doesNotHaveDuplicates();
		for (String key : keys) {
			assertThat(jdbc.sql("select count(*) from retired_incident where incident_key = ?").param(key)
				.query(Integer.class).single()).isOne();
		}
	}

	/** A declared incident, closed at {@code closedAt}, with a record in every table that refers to an incident. */
	private String closedIncident(String type, Instant closedAt) {
		String key = declarations.declare(IncidentDeclaration.of("Checkout errors", null, "checkout", "significant", "high",
				type, false)).value();
		runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
			.forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "closed by the test fixture", true));
		close(key, closedAt);
		OffsetDateTime at = OffsetDateTime.ofInstant(closedAt, ZoneOffset.UTC);
		jdbc.sql("""
				insert into notification (notification_key, incident_key, kind, channel, recipients, subject, body_text,
				    drill, status, attempts, created_at)
				values (?, ?, 'PAGE', 'EMAIL', 'oncall@firebreak.example', 'Page', 'Checkout errors', false, 'SENT', 1, ?)""")
			.params(key + "/page", key, at).update();
		jdbc.sql("insert into customer_update (incident_key, posted_at, message, status, posted_by) values (?, ?, 'Fixed', 'resolved', 'comms')")
			.params(key, at).update();
		jdbc.sql("insert into postmortem (incident_key, owner, status, opened_at) values (?, 'ic', 'PUBLISHED', ?)")
			.params(key, at).update();
		jdbc.sql("""
				insert into action_item (incident_key, position, title, type, owner, due_date, priority, status, created_at)
				values (?, 1, 'Add alert', 'prevent', 'oncall', ?, 'high', 'DONE', ?)""")
			.params(key, at.toLocalDate(), at).update();
		jdbc.sql("""
				insert into alert_group (source, group_hash, group_key, service, incident_key, created_at)
				values ('alertmanager', ?, ?, 'checkout', ?, ?)""")
			.params(key, "{}:{alertname=\"" + key + "\"}", key, at).update();
		long group = jdbc.sql("select id from alert_group where incident_key = ?").param(key).query(Long.class).single();
		jdbc.sql("""
				insert into alert_event (alert_group_id, incident_key, event_key, kind, description, received_at, recorded_at)
				values (?, ?, ?, 'FIRING', 'HighErrorRate', ?, ?)""")
			.params(group, key, key + "/firing", at, at).update();
		return key;
	}

	private void close(String key, Instant closedAt) {
		jdbc.sql("update incident set status = 'CLOSED', resolved_at = ?, closed_at = ? where incident_key = ?")
			.params(OffsetDateTime.ofInstant(closedAt, ZoneOffset.UTC), OffsetDateTime.ofInstant(closedAt, ZoneOffset.UTC), key)
			.update();
	}

	private Map<String, Integer> rowsOf(String key) {
		Map<String, Integer> rows = new java.util.LinkedHashMap<>();
		RECORD_TABLES.forEach(table -> rows.put(table, count(table, key)));
		return rows;
	}

	private int count(String table, String key) {
		return jdbc.sql("select count(*) from " + table + " where incident_key = ?").param(key).query(Integer.class).single();
	}

	private static void at(Instant now) {
		ClockUtil.setCurrentTime(Date.from(now));
	}
}
