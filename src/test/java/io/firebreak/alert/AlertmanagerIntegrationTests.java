package io.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.TimelineEvent;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.incident.TimelineRepository;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A real Alertmanager pointed at Firebreak: a firing group becomes one incident, a new alert in it
 * and a resolve become timeline entries, its repeat notifications change nothing, and the resolve
 * asks the commander for a review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertmanagerIntegrationTests {

	static final String ALERT = "alertname=FirebreakCheckoutErrors";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncidentRepository incidents;

	@Autowired
	TimelineRepository timeline;

	@Autowired
	TaskService tasks;

	@Autowired
	MeterRegistry meters;

	RealAlertmanager alertmanager;

	@BeforeAll
	void startAlertmanager(@TempDir Path dir) throws Exception {
		alertmanager = RealAlertmanager.start(dir, port, AlertFixtures.DEMO_KEY);
	}

	@AfterAll
	void stopAlertmanager() throws Exception {
		if (alertmanager != null) {
			alertmanager.close();
		}
	}

	@Test
	void aFiringGroupBecomesOneIncidentItsRepeatsChangeNothingAndItsResolveIsReviewed() throws Exception {
		alertmanager.alert(false, ALERT, "service=checkout", "severity=critical", "instance=checkout-1",
				"--annotation=summary=5xx above 5% on /pay");
		await("an incident for the group", () -> incidentsOfGroup().size() == 1);
		IncidentKey key = incidentsOfGroup().get(0);
		assertThat(incidents.findByKey(key).orElseThrow().declaredBy()).isEqualTo("alertmanager");
		await("the first alert on the timeline", () -> count(key, Kind.ALERT_FIRING) == 1);

		alertmanager.alert(false, ALERT, "service=checkout", "severity=critical", "instance=checkout-2");
		await("the second alert on the timeline", () -> count(key, Kind.ALERT_FIRING) == 2);

		double duplicates = duplicatesSoFar();
		alertmanager.alert(false, ALERT, "service=checkout", "severity=critical", "instance=checkout-1",
				"--annotation=summary=5xx above 5% on /pay");
		await("Alertmanager to repeat the group's notification", () -> duplicatesSoFar() >= duplicates + 2);
		assertThat(count(key, Kind.ALERT_FIRING)).as("repeats are no news").isEqualTo(2);

		alertmanager.alert(true, ALERT, "service=checkout", "severity=critical", "instance=checkout-1",
				"--annotation=summary=5xx above 5% on /pay");
		alertmanager.alert(true, ALERT, "service=checkout", "severity=critical", "instance=checkout-2");
		await("both resolves on the timeline", () -> count(key, Kind.ALERT_RESOLVED) == 2);
		await("the commander's review", () -> reviews(key) == 1);

		assertThat(incidentsOfGroup()).containsExactly(key);
		assertThat(timeline.findByIncident(key)).extracting(TimelineEvent::kind).startsWith(Kind.DECLARED,
				Kind.SEVERITY_SET, Kind.ALERT_FIRING, Kind.ALERT_FIRING).endsWith(Kind.ALERT_RESOLVED);
		assertThat(incidents.findByKey(key).orElseThrow().status().isOpen()).isTrue();
		assertThat(alertmanager.log()).doesNotContain("level=error");
	}

	private List<IncidentKey> incidentsOfGroup() {
		return jdbc.sql("""
				select distinct e.incident_key from alert_event e join alert_group g on g.id = e.alert_group_id
				where g.source = 'alertmanager' and g.group_key like '%FirebreakCheckoutErrors%' and e.incident_key is not null""")
			.query(String.class).list().stream().map(IncidentKey::new).toList();
	}

	private long count(IncidentKey key, Kind kind) {
		return timeline.findByIncident(key).stream().filter(event -> event.kind() == kind).count();
	}

	private long reviews(IncidentKey key) {
		return tasks.createTaskQuery().processInstanceBusinessKey(key.value())
			.taskDefinitionKey("UserTask_ReviewResolvedAlert").count();
	}

	private double duplicatesSoFar() {
		var counter = meters.find("firebreak.alerts.received").tag("source", "alertmanager").tag("result", "duplicate")
			.counter();
		return counter == null ? 0 : counter.count();
	}

	private void await(String what, BooleanSupplier condition) throws Exception {
		long deadline = System.nanoTime() + RealAlertmanager.patience().toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited " + RealAlertmanager.patience().toSeconds() + " s for " + what
						+ "; Alertmanager log:\n" + alertmanager.log());
			}
			Thread.sleep(200);
		}
	}
}
