package io.firebreak.alert;

import static io.firebreak.alert.AlertFixtures.pagerDuty;
import static io.firebreak.alert.AlertFixtures.recorded;
import static io.firebreak.alert.AlertFixtures.recordedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.firebreak.incident.Impact;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentType;
import io.firebreak.incident.Severity;
import io.firebreak.incident.TimelineEvent;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.incident.TimelineRepository;
import io.firebreak.incident.Urgency;

/** Alerts over HTTP, from recorded payloads, into incidents and their timelines. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class AlertIntakeIntegrationTests {

	static final String GROUP = "{}:{alertname=\\\"CheckoutHighErrorRate\\\", service=\\\"checkout\\\"}";

	@LocalServerPort
	int port;

	@Autowired
	IncidentRepository incidents;

	@Autowired
	TimelineRepository timeline;

	@Autowired
	TaskService tasks;

	AlertHttp http;

	@BeforeEach
	void setUp() {
		http = AlertHttp.on(port);
	}

	@Test
	void anAlertmanagerGroupBecomesOneIncidentItsNewsTimelineEntriesAndItsResolveAReview() {
		String group = "{}:{alertname=\\\"CheckoutHighErrorRate\\\", service=\\\"checkout\\\", test=\\\"one\\\"}";
		AlertHttp.Answer declared = http.alertmanager(recordedWith("alertmanager-firing.json", GROUP, group));
		assertThat(declared.status()).isEqualTo(202);
		assertThat(declared.text("status")).isEqualTo("declared");
		IncidentKey key = new IncidentKey(declared.text("incident"));

		Incident incident = incidents.findByKey(key).orElseThrow();
		assertThat(incident.declaredBy()).isEqualTo("alertmanager");
		assertThat(incident.service()).isEqualTo("checkout");
		assertThat(incident.title()).isEqualTo("CheckoutHighErrorRate: 5xx above 5% on /pay");
		assertThat(incident.impact()).as("checkout's default").isEqualTo(Impact.SIGNIFICANT);
		assertThat(incident.urgency()).as("severity=critical").isEqualTo(Urgency.CRITICAL);
		assertThat(incident.severity()).isEqualTo(Severity.SEV1);
		assertThat(incident.summary()).contains("Pre-assessed from the alert: severity 'critical' gives urgency critical");

		for (int resend = 0; resend < 3; resend++) {
			assertThat(http.alertmanager(recordedWith("alertmanager-firing.json", GROUP, group)).text("status"))
				.isEqualTo("duplicate");
		}
		AlertHttp.Answer second = http.alertmanager(recordedWith("alertmanager-second-alert.json", GROUP, group));
		assertThat(second.text("status")).isEqualTo("appended");
		assertThat(second.body().path("newEvents").asInt()).as("only checkout-2 is news").isEqualTo(1);
		assertThat(http.alertmanager(recordedWith("alertmanager-second-alert.json", GROUP, group)).text("status"))
			.isEqualTo("duplicate");
		assertThat(reviewsOf(key)).isEmpty();

		AlertHttp.Answer resolved = http.alertmanager(recordedWith("alertmanager-resolved.json", GROUP, group));
		assertThat(resolved.text("status")).isEqualTo("appended");
		assertThat(resolved.text("incident")).isEqualTo(key.value());
		assertThat(http.alertmanager(recordedWith("alertmanager-resolved.json", GROUP, group)).text("status"))
			.isEqualTo("duplicate");

		assertThat(timeline.findByIncident(key)).extracting(TimelineEvent::kind).containsExactly(Kind.DECLARED,
				Kind.SEVERITY_SET, Kind.ALERT_FIRING, Kind.ALERT_FIRING, Kind.ALERT_RESOLVED, Kind.ALERT_RESOLVED);
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.ALERT_FIRING)
			.extracting(TimelineEvent::actor, e -> e.description().contains("instance=checkout-2"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("alertmanager", false),
					org.assertj.core.groups.Tuple.tuple("alertmanager", true));
		Task review = reviewsOf(key).get(0);
		assertThat(reviewsOf(key)).hasSize(1);
		assertThat(tasks.getVariable(review.getId(), "alertSummary").toString())
			.contains("CheckoutHighErrorRate resolved at", "instance=checkout-1", "instance=checkout-2");
		assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(link -> link.getGroupId())
			.contains("incident-commanders");
		assertThat(incidents.findByKey(key).orElseThrow().status().isOpen()).as("a resolve at the source is not a decision")
			.isTrue();
	}

	@Test
	void pagerDutyEventsAreAnsweredAsPagerDutyAnswersAndRecorded() {
		AlertHttp.Answer trigger = http.pagerDuty(recorded("pagerduty-trigger-all-fields.json"));
		assertThat(trigger.status()).isEqualTo(202);
		assertThat(trigger.text("status")).isEqualTo("success");
		assertThat(trigger.text("message")).isEqualTo("Event processed");
		assertThat(trigger.text("result")).isEqualTo("declared");
		assertThat(trigger.text("dedup_key")).isEqualTo("identity/login-failures");
		IncidentKey key = new IncidentKey(trigger.text("incident"));
		Incident incident = incidents.findByKey(key).orElseThrow();
		assertThat(incident.declaredBy()).isEqualTo("pagerduty-events");
		assertThat(incident.service()).as("payload.component").isEqualTo("identity");
		assertThat(incident.type()).as("identity's plan").isEqualTo(IncidentType.SECURITY);
		assertThat(incident.urgency()).as("severity error").isEqualTo(Urgency.HIGH);

		AlertHttp.Answer resent = http.pagerDuty(recorded("pagerduty-trigger-all-fields.json"));
		assertThat(resent.text("dedup_key")).isEqualTo("identity/login-failures");
		assertThat(resent.text("status")).isEqualTo("success");
		assertThat(resent.text("result")).isEqualTo("duplicate");
		assertThat(http.pagerDuty(pagerDuty("acknowledge", "identity/login-failures", null, null, null)).status())
			.isEqualTo(202);
		assertThat(http.pagerDuty(pagerDuty("resolve", "identity/login-failures", null, null, null)).text("incident"))
			.isEqualTo(key.value());

		assertThat(timeline.findByIncident(key)).extracting(TimelineEvent::kind).containsExactly(Kind.DECLARED,
				Kind.SEVERITY_SET, Kind.ALERT_FIRING, Kind.ALERT_ACKNOWLEDGED, Kind.ALERT_RESOLVED);
		assertThat(reviewsOf(key)).hasSize(1);
	}

	@Test
	void aTriggerWithoutDedupKeyIsGivenOneAndItsResendFindsTheSameIncident() {
		AlertHttp.Answer first = http.pagerDuty(pagerDuty("trigger", null, "Queue backlog above 10k", "warning", "payments"));
		AlertHttp.Answer resent = http.pagerDuty(pagerDuty("trigger", null, "Queue backlog above 10k", "warning", "payments"));

		assertThat(first.text("dedup_key")).matches("[0-9a-f]{32}").isEqualTo(resent.text("dedup_key"));
		assertThat(resent.text("incident")).isEqualTo(first.text("incident"));
		assertThat(timeline.findByIncident(new IncidentKey(first.text("incident"))))
			.filteredOn(e -> e.kind() == Kind.ALERT_FIRING).hasSize(1);
	}

	@Test
	void anAlertFromAServiceFirebreakDoesNotKnowGoesToTheTriageTeam() {
		AlertHttp.Answer declared = http.alertmanager(recordedWith("alertmanager-firing.json", "\"service\":\"checkout\"",
				"\"service\":\"billing\""));

		Incident incident = incidents.findByKey(new IncidentKey(declared.text("incident"))).orElseThrow();
		assertThat(incident.service()).isEqualTo("triage");
		assertThat(incident.impact()).isEqualTo(Impact.MODERATE);
	}

	private List<Task> reviewsOf(IncidentKey key) {
		return tasks.createTaskQuery().processInstanceBusinessKey(key.value())
			.taskDefinitionKey("UserTask_ReviewResolvedAlert").list();
	}
}
