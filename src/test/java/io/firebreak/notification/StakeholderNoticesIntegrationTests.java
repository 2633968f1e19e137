package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.incident.TimelineEvent;
import io.firebreak.incident.TimelineRepository;
import io.firebreak.roster.Roster;

/**
 * The demo audiences hear a SEV1 on checkout: an initial notice after the assessment, a status
 * update on the cadence with one part per audience, and only the customer part reaching customers
 * and the public status page. Notices are delivered by jobs of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class StakeholderNoticesIntegrationTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	Roster roster;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	TimelineRepository timeline;

	@Autowired
	TestRestTemplate rest;

	IncidentResponseDriver driver;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new IncidentResponseDriver(engine, declarations, roster);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aPostedUpdateReachesEachAudienceAndOnlyItsCustomerTextReachesCustomersAndTheStatusPage() {
		ProcessInstance instance = driver.declare("Checkout down: db-7 <script>alert(1)</script> failover", "checkout",
				"extensive", "critical", false);
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		driver.runJob(instance, "ServiceTask_PageOnCall");
		driver.complete(instance, "UserTask_AcknowledgePage", "oncall", Map.of());
		driver.assess(instance, "extensive", "critical");
		driver.runJob(instance, "ServiceTask_NotifyInitial");

		assertThat(keysOf(key)).as("the initial notice: no customer text yet, so nothing to customers")
			.contains(key + "/notice/initial/responders/email", key + "/notice/initial/stakeholders/email",
					key + "/notice/initial/executives/email")
			.noneMatch(k -> k.contains("/customers/"));
		assertThat(driver.deliveryJobs(key.value(), "notice/initial/")).as("each notice is a delivery of its own")
			.hasSize(3);

		ClockUtil.offset(Duration.ofMinutes(31).toMillis()); // SEV1: an update every 30 minutes
		driver.runJob(instance, "Timer_UpdateCadence");
		assertThat(BpmnAwareTests.task("UserTask_PostStatusUpdate", instance)).isAssignedTo("comms");

		Map<String, Object> update = new HashMap<>(Map.of("conditions", "db-7 failed over; 20% of payments fail",
				"actions", "Draining db-7", "currentStatus", "Mitigating", "overview", "Some card payments fail",
				"nextSteps", "Fail back at 15:00", "customerStatus", "identified", "customerMessage", " "));
		assertThatThrownBy(() -> driver.complete(instance, "UserTask_PostStatusUpdate", "comms", update))
			.as("customers hear about SEV1, so they must be told something")
			.hasMessageContaining("Message for customers is required: the customers audience hears about incidents of"
					+ " this severity");

		update.put("customerMessage", "Some <b>card payments</b> fail. We found the cause and are fixing it.");
		driver.complete(instance, "UserTask_PostStatusUpdate", "comms", update);
		driver.runJob(instance, "ServiceTask_SendStatusUpdate");

		Notification customers = notifications.findByKey(key + "/notice/update/1/customers/email").orElseThrow();
		assertThat(customers.recipients()).isEqualTo("status-subscribers@firebreak.example");
		assertThat(customers.subject()).isEqualTo("Checkout: Identified");
		assertThat(customers.text()).contains("Some <b>card payments</b> fail. We found the cause and are fixing it.")
			.doesNotContain("db-7", "Draining", "Mitigating", key.value());
		assertThat(customers.html()).contains("Some &lt;b&gt;card payments&lt;/b&gt; fail.").doesNotContain("db-7");
		Notification executives = notifications.findByKey(key + "/notice/update/1/executives/email").orElseThrow();
		assertThat(executives.text()).contains("Mitigating", "Some card payments fail", "Fail back at 15:00");
		Notification stakeholders = notifications.findByKey(key + "/notice/update/1/stakeholders/email").orElseThrow();
		assertThat(stakeholders.text()).contains("db-7 failed over; 20% of payments fail", "Draining db-7");
		assertThat(stakeholders.recipients()).contains("incidents@firebreak.example", "comms@firebreak.example");
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == TimelineEvent.Kind.STATUS_UPDATE)
			.extracting(TimelineEvent::description)
			.contains("Initial notice to Responders, Internal stakeholders, Executives")
			.anySatisfy(d -> assertThat(d).startsWith("Status update 1 to Responders, Internal stakeholders, Executives,"
					+ " Customers — Conditions: db-7 failed over"));

		String status = rest.getForObject("/status", String.class);
		assertThat(status).contains("Some &lt;b&gt;card payments&lt;/b&gt; fail. We found the cause and are fixing it.")
			.doesNotContain("db-7", "<script>", "Draining", "Mitigating");
		assertThat(rest.getForObject("/status.json", String.class)).contains("major_outage");
	}

	private List<String> keysOf(IncidentKey key) {
		return notifications.forIncident(key.value()).stream().map(Notification::key).toList();
	}
}
