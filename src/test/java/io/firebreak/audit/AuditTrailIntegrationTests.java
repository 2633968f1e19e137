package io.firebreak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.incident.TimelineEvent;
import io.firebreak.incident.TimelineRepository;
import io.firebreak.postmortem.PostmortemDriver;
import io.firebreak.roster.Roster;
import io.firebreak.system.HttpClient;

/**
 * The auditor's view of a driven incident: its trail holds every task completion of every plan
 * that worked on it (the called postmortem too) with who, when and the values; the hash chains
 * verify until a row is edited with SQL; the search finds what one person did; bad filters get a 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class AuditTrailIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ProcessEngine engine;
	@Autowired
	IncidentDeclarations declarations;
	@Autowired
	Roster roster;
	@Autowired
	TestRestTemplate rest;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	TimelineRepository timeline;
	@Autowired
	TransactionTemplate transaction;

	IncidentResponseDriver driver;
	HttpClient http;

	@BeforeEach
	void setUp() {
		driver = new IncidentResponseDriver(engine, declarations, roster);
		http = new HttpClient(rest);
	}

	/** A SEV1 worked to its published postmortem, containment claimed in Tasklist's way first. */
	private String workedIncident() {
		ProcessInstance incident = driver.declare("Checkout errors", "checkout", "significant", "high", false);
		driver.runJob(incident);
		driver.complete(incident, "UserTask_AcknowledgePage", "oncall", Map.of());
		driver.assess(incident, "significant", "high");
		driver.runDueJobs(incident);
		Task contain = engine.getTaskService().createTaskQuery().processInstanceId(incident.getId())
			.taskDefinitionKey("UserTask_ContainIncident").singleResult();
		// handed back by the commander, then claimed again: both show in the trail
		driver.as("ic", () -> {
			engine.getTaskService().setAssignee(contain.getId(), null);
			return null;
		});
		driver.as("oncall", () -> {
			engine.getTaskService().claim(contain.getId(), "oncall");
			return null;
		});
		driver.complete(incident, "UserTask_ContainIncident", "oncall", Map.of("containmentActions", "Drained the zone"));
		driver.complete(incident, "UserTask_MitigateIncident", "oncall", Map.of("mitigationActions", "Rolled back"));
		driver.complete(incident, "UserTask_VerifyRecovery", "ic", Map.of("recovered", true, "recoveryEvidence", "Healthy"));
		driver.complete(incident, "UserTask_ResolveIncident", "ic", Map.of("resolutionSummary", "Bad release rolled back"));
		driver.runDueJobs(incident);
		new PostmortemDriver(engine, driver).workToPublished(incident.getBusinessKey());
		IncidentResponseDriver.runDueJobs(engine.getRuntimeService(), engine.getManagementService(),
				incident.getBusinessKey());
		return incident.getBusinessKey();
	}

	@Test
	void theTrailHoldsEveryCompletionOfEveryPlanWithWhoWhenAndTheValues() throws Exception {
		String key = workedIncident();
		JsonNode trail = json(http.get("auditor", "/audit/incidents/" + key + ".json"));
		List<JsonNode> entries = new ArrayList<>();
		trail.path("entries").forEach(entries::add);

		List<HistoricTaskInstance> completed = engine.getHistoryService().createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(key).finished().list();
		assertThat(completed).extracting(HistoricTaskInstance::getTaskDefinitionKey)
			.contains("UserTask_ContainIncident", "UserTask_ApprovePostmortem");
		for (HistoricTaskInstance task : completed) {
			String completer = engine.getHistoryService().createUserOperationLogQuery().taskId(task.getId())
				.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult().getUserId();
			assertThat(entries).as("completion of %s", task.getName())
				.anyMatch(e -> e.path("source").asText().equals("TASK") && e.path("action").asText().equals("task completed")
						&& e.path("element").asText().equals(task.getName())
						&& Instant.parse(e.path("at").asText()).equals(task.getEndTime().toInstant())
						&& e.path("actor").asText().equals(completer));
		}
		JsonNode contain = entries.stream()
			.filter(e -> e.path("action").asText().equals("task completed")
					&& e.path("element").asText().startsWith("Contain"))
			.findFirst().orElseThrow();
		assertThat(contain.path("actor").asText()).isEqualTo("oncall");
		assertThat(contain.path("values").path("containmentActions").asText()).isEqualTo("Drained the zone");
		JsonNode assessment = entries.stream()
			.filter(e -> e.path("action").asText().equals("task completed")
					&& e.path("element").asText().equals("Assess incident"))
			.findFirst().orElseThrow();
		assertThat(assessment.path("values").path("commander").asText()).isEqualTo("ic");
		assertThat(assessment.path("values").path("customerImpact").asText()).isEqualTo("Payments fail for EU");
		assertThat(assessment.path("values").fieldNames()).toIterable()
			.as("what the task was created with is not what was submitted").noneMatch(name -> name.startsWith("roster"));
		JsonNode approval = entries.stream()
			.filter(e -> e.path("action").asText().equals("task completed")
					&& e.path("element").asText().equals("Approve postmortem"))
			.findFirst().orElseThrow();
		assertThat(approval.path("actor").asText()).isEqualTo("ic");
		assertThat(approval.path("values").path("postmortemApproved").asText()).isEqualTo("true");
		assertThat(approval.path("plan").asText()).startsWith("postmortem v");

		assertThat(entries).anyMatch(e -> e.path("action").asText().equals("task unassigned")
				&& e.path("actor").asText().equals("ic") && e.path("element").asText().equals("Contain incident"));
		assertThat(entries).anyMatch(e -> e.path("action").asText().equals("task claimed")
				&& e.path("actor").asText().equals("oncall") && e.path("element").asText().equals("Contain incident"));
		assertThat(entries).anyMatch(e -> e.path("source").asText().equals("PLAN")
				&& e.path("detail").asText().startsWith("incident-response v"));
		assertThat(entries).anyMatch(e -> e.path("source").asText().equals("PLAN")
				&& e.path("detail").asText().contains("called by process instance"));
		assertThat(entries).anyMatch(e -> e.path("source").asText().equals("ACTIVITY"));
		assertThat(entries).anyMatch(e -> e.path("source").asText().equals("VARIABLE")
				&& e.path("action").asText().equals("variable changed") && e.path("values").has("old"));
		assertThat(entries).anyMatch(e -> e.path("source").asText().equals("OPERATION")
				&& e.path("action").asText().equals("Claim") && e.path("actor").asText().equals("oncall"));
		assertThat(entries).anyMatch(e -> e.path("source").asText().equals("NOTIFICATION")
				&& e.path("values").path("messageId").asText().contains("@"));
		assertThat(entries).anyMatch(e -> e.path("source").asText().equals("RECORD")
				&& e.path("sequence").asLong() == 1 && e.path("hash").asText().length() == 64);
		List<Instant> times = entries.stream().map(e -> Instant.parse(e.path("at").asText())).toList();
		assertThat(times).isSorted();

		ResponseEntity<String> csv = http.get("auditor", "/audit/incidents/" + key + ".csv");
		assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		assertThat(csv.getBody()).startsWith("at,incident,source,plan,element,actor,action,detail,values,sequence,hash")
			.contains("Drained the zone");
		JsonNode tasksOnly = json(http.get("auditor", "/audit/incidents/" + key + ".json?source=task,RECORD"));
		assertThat(tasksOnly.path("entries")).isNotEmpty()
			.allMatch(e -> List.of("TASK", "RECORD").contains(e.path("source").asText()));
		assertBad("/audit/incidents/" + key + ".json?source=task,tasks", "source must be one or more of record,");
		ResponseEntity<String> page = http.get("auditor", "/audit/incidents/" + key);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("Audit trail of " + key, "Drained the zone");
	}

	@Test
	void aJobThatFailsShowsWithItsErrorItsRetriesAndWhoRetriedIt() throws Exception {
		ProcessInstance incident = driver.declare("Status page stale", "checkout", "minor", "low", false);
		String key = incident.getBusinessKey();
		// any plan working on the incident (its business key) is in the trail: here one whose step fails
		BpmnModelInstance failing = Bpmn.createExecutableProcess("failing-follow-up")
			.name("Failing follow-up")
			.camundaHistoryTimeToLive(400)
			.startEvent()
			.serviceTask("ServiceTask_Publish").name("Publish").camundaAsyncBefore()
			.camundaExpression("${statusPage.publish()}")
			.endEvent()
			.done();
		String deployment = engine.getRepositoryService().createDeployment()
			.addModelInstance("failing-follow-up.bpmn", failing).deploy().getId();
		try {
			trailOfAFailedJob(key);
		}
		finally {
			// other tests sharing this application list the deployed plans
			engine.getRepositoryService().deleteDeployment(deployment, true);
		}
	}

	private void trailOfAFailedJob(String key) throws Exception {
		ProcessInstance followUp = engine.getRuntimeService().startProcessInstanceByKey("failing-follow-up", key);
		String job = engine.getManagementService().createJobQuery().processInstanceId(followUp.getId()).singleResult()
			.getId();
		assertThatThrownBy(() -> engine.getManagementService().executeJob(job)).isNotNull();
		driver.as("admin", () -> {
			engine.getManagementService().setJobRetries(job, 5);
			return null;
		});

		JsonNode trail = json(http.get("auditor", "/audit/incidents/" + key + ".json?source=job,operation,plan"));
		assertThat(trail.path("entries")).anyMatch(e -> e.path("source").asText().equals("JOB")
				&& e.path("action").asText().equals("job failed") && e.path("element").asText().equals("ServiceTask_Publish")
				&& e.path("detail").asText().contains("statusPage") && e.path("detail").asText().contains("(retries: 3)"));
		assertThat(trail.path("entries")).anyMatch(e -> e.path("source").asText().equals("OPERATION")
				&& e.path("action").asText().equals("SetJobRetries") && e.path("actor").asText().equals("admin")
				&& e.path("values").path("retries").asText().endsWith("→ 5"));
		assertThat(trail.path("entries")).anyMatch(e -> e.path("source").asText().equals("PLAN")
				&& e.path("detail").asText().startsWith("failing-follow-up v"));
	}

	@Test
	void aRowEditedWithSqlBreaksTheChainAtThatEventAndVerifyNamesIt() throws Exception {
		ProcessInstance incident = driver.declare("Login slow", "checkout", "minor", "low", false);
		driver.runJob(incident);
		driver.complete(incident, "UserTask_AcknowledgePage", "oncall", Map.of());
		String key = incident.getBusinessKey();
		assertThat(json(http.get("auditor", "/audit/verify.json")).path("intact").asBoolean()).isTrue();

		long third = jdbc.sql("select id from timeline_event where incident_key = ? and sequence_number = 3")
			.param(key).query(Long.class).single();
		String original = jdbc.sql("select description from timeline_event where id = ?").param(third)
			.query(String.class).single();
		jdbc.sql("update timeline_event set description = ? where id = ?").params("Nothing happened", third).update();
		try {
			JsonNode report = json(http.get("auditor", "/audit/verify.json"));
			assertThat(report.path("intact").asBoolean()).isFalse();
			JsonNode broken = report.path("firstBrokenLink");
			assertThat(broken.path("incident").asText()).isEqualTo(key);
			assertThat(broken.path("sequence").asLong()).isEqualTo(3);
			assertThat(broken.path("eventId").asLong()).isEqualTo(third);
			assertThat(broken.path("problem").asText()).contains("changed after it was recorded");
			assertThat(http.get("auditor", "/audit/verify").getBody()).contains("Broken", key, "event #3");
		}
		finally {
			jdbc.sql("update timeline_event set description = ? where id = ?").params(original, third).update();
		}
		assertThat(json(http.get("auditor", "/audit/verify.json")).path("intact").asBoolean()).isTrue();

		jdbc.sql("update timeline_event set sequence_number = sequence_number + 100 where incident_key = ? and sequence_number = 2")
			.param(key).update();
		try {
			JsonNode broken = json(http.get("auditor", "/audit/verify.json")).path("firstBrokenLink");
			assertThat(broken.path("incident").asText()).isEqualTo(key);
			assertThat(broken.path("sequence").asLong()).isEqualTo(3);
			assertThat(broken.path("problem").asText()).contains("events 2 to 2 are missing");
		}
		finally {
			jdbc.sql("update timeline_event set sequence_number = sequence_number - 100 where incident_key = ? and sequence_number = 102")
				.param(key).update();
		}
	}

	@Test
	void appendsToOneIncidentFromManyTransactionsAtOnceKeepOneUnbrokenChain() throws Exception {
		ProcessInstance incident = driver.declare("Search slow", "checkout", "minor", "low", false);
		IncidentKey key = new IncidentKey(incident.getBusinessKey());
		int before = timeline.findByIncident(key).size();
		ExecutorService writers = Executors.newFixedThreadPool(8);
		List<Future<?>> done = new ArrayList<>();
		for (int n = 0; n < 80; n++) {
			int note = n;
			done.add(writers.submit(() -> transaction.executeWithoutResult(status -> timeline.append(TimelineEvent
				.of(key, Instant.now(), TimelineEvent.Kind.STEP_COMPLETED, "oncall", "Note " + note)))));
		}
		for (Future<?> write : done) {
			write.get(1, TimeUnit.MINUTES);
		}
		writers.shutdown();

		List<Long> sequences = new ArrayList<>();
		timeline.forEachInChainOrder(event -> {
			if (event.incidentKey().equals(key.value())) {
				sequences.add(event.sequence());
			}
		});
		assertThat(sequences).hasSize(before + 80)
			.isEqualTo(LongStream.rangeClosed(1, before + 80).boxed().toList());
		assertThat(json(http.get("auditor", "/audit/verify.json")).path("intact").asBoolean()).isTrue();
	}

	@Test
	void theSearchFindsWhatOnePersonDidInAPeriodAndExportsIt() throws Exception {
		ProcessInstance incident = driver.declare("Payments slow", "payments", "minor", "low", false);
		driver.runJob(incident);
		driver.complete(incident, "UserTask_AcknowledgePage", "oncall", Map.of());
		String key = incident.getBusinessKey();
		String today = LocalDate.now(ZoneOffset.UTC).toString();

		JsonNode found = json(http.get("auditor", "/audit/events.json?person=oncall&service=payments&from=" + today
				+ "&to=" + today));
		assertThat(found.path("count").asInt()).isPositive();
		found.path("entries").forEach(e -> assertThat(e.path("actor").asText()).isEqualTo("oncall"));
		assertThat(found.path("entries")).anyMatch(e -> e.path("incident").asText().equals(key)
				&& e.path("plan").asText().startsWith("incident-response v"));

		JsonNode byPlan = json(http.get("auditor", "/audit/events.json?plan=incident-response&service=payments"));
		assertThat(byPlan.path("entries")).anyMatch(e -> e.path("incident").asText().equals(key));
		JsonNode otherPlan = json(http.get("auditor", "/audit/events.json?plan=postmortem&service=payments"));
		assertThat(otherPlan.path("entries")).noneMatch(e -> e.path("incident").asText().equals(key));
		JsonNode lastYear = json(http.get("auditor", "/audit/events.json?person=oncall&month=2025-03"));
		assertThat(lastYear.path("entries")).noneMatch(e -> e.path("incident").asText().equals(key));

		ResponseEntity<String> csv = http.get("auditor", "/audit/events.csv?person=oncall&service=payments");
		assertThat(csv.getHeaders().getContentDisposition().getFilename()).endsWith(".csv");
		assertThat(csv.getBody()).contains(key);
		assertThat(http.get("auditor", "/audit?person=oncall").getBody()).contains(key);
	}

	@Test
	void badFiltersAreAnsweredWith400SayingWhatToFix() throws Exception {
		assertBad("/audit/events.json?from=2026-13-01", "from must be a date like 2026-03-31");
		assertBad("/audit/events.json?from=2026-03-31&to=2026-03-01", "must not be after to");
		assertBad("/audit/events.json?month=March", "month must be a month like 2026-03");
		assertBad("/audit/events.csv?severity=SEV9", "severity must be one of SEV1");
		assertBad("/audit/events.json?service=nowhere", "service must be one of");
		assertBad("/audit/events.json?plan=no-such-plan", "deployed plans: ");
		assertBad("/audit/events.json?person=%3Cscript%3E", "person must be a user id");
		assertBad("/audit?from=yesterday", "from must be a date");
		assertThat(http.get("auditor", "/audit/incidents/INC-1999-0001.json").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyAuditorsCommandersAndAdminsReadTheAudit() {
		assertThat(http.get("oncall", "/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.get("comms", "/audit/verify.json").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// signed out: sent to the sign-in form, never the report
		assertThat(http.get(null, "/audit/verify.json").getBody()).doesNotContain("intact").contains("password");
		assertThat(http.get("ic", "/audit/verify.json").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.get("admin", "/audit").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private void assertBad(String path, String message) throws Exception {
		ResponseEntity<String> response = http.get("auditor", path);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(JSON.readTree(response.getBody()).path("detail").asText()).as(path).contains(message);
	}

	private static JsonNode json(ResponseEntity<String> response) throws Exception {
		assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
		return JSON.readTree(response.getBody());
	}
}
