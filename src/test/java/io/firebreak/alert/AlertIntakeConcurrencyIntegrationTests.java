package io.firebreak.alert;

import static io.firebreak.alert.AlertFixtures.pagerDuty;
import static io.firebreak.alert.AlertFixtures.recordedWith;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.incident.TimelineRepository;
import io.firebreak.roster.Roster;

/** Storms on one group, and a group that fires again after its incident closed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class AlertIntakeConcurrencyIntegrationTests {

	static final String GROUP = "CheckoutHighErrorRate\\\"";
	static final int POSTS = 50;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TimelineRepository timeline;

	@Autowired
	IncidentRepository incidents;

	@Test
	void fiftyConcurrentPostsOfOneNewGroupMakeExactlyOneIncident() throws Exception {
		long before = declaredBy("alertmanager");
		List<AlertHttp.Answer> answers = postConcurrently(i -> recordedWith("alertmanager-firing.json", GROUP, "StormOne\\\""));

		assertThat(answers).extracting(AlertHttp.Answer::status).containsOnly(202);
		Map<String, Long> results = answers.stream().collect(Collectors.groupingBy(a -> a.text("status"), Collectors.counting()));
		assertThat(results).containsExactlyInAnyOrderEntriesOf(Map.of("declared", 1L, "duplicate", (long) POSTS - 1));
		assertThat(answers.stream().map(a -> a.text("incident")).distinct()).singleElement()
			.satisfies(key -> assertThat(timeline.findByIncident(new IncidentKey(key)))
				.filteredOn(e -> e.kind() == Kind.ALERT_FIRING).hasSize(1));
		assertThat(declaredBy("alertmanager") - before).isEqualTo(1);
	}

	@Test
	void fiftyConcurrentNewAlertsOfOneGroupMakeOneIncidentWithFiftyAlertEntries() throws Exception {
		List<AlertHttp.Answer> answers = postConcurrently(i -> new String(recordedWith("alertmanager-firing.json", GROUP,
				"StormTwo\\\""), UTF_8).replace("7d64ad2925613778", "fingerprint-" + i).getBytes(UTF_8));

		assertThat(answers).extracting(AlertHttp.Answer::status).containsOnly(202);
		assertThat(answers.stream().filter(a -> a.text("status").equals("declared"))).hasSize(1);
		assertThat(answers.stream().filter(a -> a.text("status").equals("appended"))).hasSize(POSTS - 1);
		String key = answers.get(0).text("incident");
		assertThat(answers).extracting(a -> a.text("incident")).containsOnly(key);
		assertThat(timeline.findByIncident(new IncidentKey(key))).filteredOn(e -> e.kind() == Kind.ALERT_FIRING)
			.hasSize(POSTS);
	}

	@Test
	void aTriggerAfterTheIncidentClosedOpensANewOneAndAResendOfTheOldOneStillChangesNothing(
			@Autowired ProcessEngine engine, @Autowired IncidentDeclarations declarations, @Autowired Roster roster) {
		AlertHttp http = AlertHttp.on(port);
		AlertHttp.Answer first = http.pagerDuty(pagerDuty("trigger", "disk/db-1", "Disk full on db-1", "warning", "payments"));
		IncidentKey closed = new IncidentKey(first.text("incident"));
		BpmnAwareTests.init(engine);
		new IncidentResponseDriver(engine, declarations, roster).workToClosed(closed);
		assertThat(incidents.findByKey(closed).orElseThrow().status()).isEqualTo(IncidentStatus.CLOSED);

		assertThat(http.pagerDuty(pagerDuty("resolve", "disk/db-1", null, null, null)).text("incident"))
			.as("nothing open to tell").isEqualTo(closed.value());
		AlertHttp.Answer again = http.pagerDuty(pagerDuty("trigger", "disk/db-1", "Disk full on db-1 again", "warning", "payments"));
		assertThat(again.text("incident")).isNotEqualTo(closed.value());
		assertThat(incidents.findByKey(new IncidentKey(again.text("incident"))).orElseThrow().status().isOpen()).isTrue();
		AlertHttp.Answer resent = http.pagerDuty(pagerDuty("trigger", "disk/db-1", "Disk full on db-1", "warning", "payments"));
		assertThat(resent.text("incident")).isEqualTo(again.text("incident"));
		assertThat(timeline.findByIncident(new IncidentKey(again.text("incident")))).extracting(e -> e.kind())
			.doesNotContain(Kind.ALERT_RESOLVED);
	}

	private List<AlertHttp.Answer> postConcurrently(IntFunction<byte[]> payload) throws Exception {
		AlertHttp http = AlertHttp.on(port);
		ExecutorService pool = Executors.newFixedThreadPool(POSTS);
		try {
			List<Callable<AlertHttp.Answer>> posts = new ArrayList<>();
			for (int i = 0; i < POSTS; i++) {
				byte[] body = payload.apply(i);
				posts.add(() -> http.alertmanager(body));
			}
			List<AlertHttp.Answer> answers = new ArrayList<>();
			for (Future<AlertHttp.Answer> answer : pool.invokeAll(posts)) {
				answers.add(answer.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long declaredBy(String source) {
		return jdbc.sql("select count(*) from incident where declared_by = ?")
			.param(source)
			.query(Long.class)
			.single();
	}
}
