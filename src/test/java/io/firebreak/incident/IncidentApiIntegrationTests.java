package io.firebreak.incident;

import static io.firebreak.system.HttpClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.postmortem.PostmortemDriver;
import io.firebreak.system.HttpClient;

/** Declares over HTTP and works the incident to closed as the demo roster, through /engine-rest. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class IncidentApiIntegrationTests {

	static final Map<String, Object> CHECKOUT_ERRORS = Map.of("title", "Checkout errors", "summary", "5xx on /pay",
			"service", "checkout", "impact", "significant", "urgency", "high");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IncidentRepository incidents;

	final ObjectMapper json = new ObjectMapper();

	HttpClient http;

	@BeforeEach
	void setUp() {
		http = new HttpClient(rest);
	}

	@Test
	void anIncidentDeclaredOverTheApiIsWorkedToClosedByTheRoster() throws Exception {
		ResponseEntity<String> declared = http.post("ic", "/api/incidents", CHECKOUT_ERRORS);
		assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String key = body(declared).path("key").asText();
		assertThat(key).matches("INC-\\d{4}-\\d{4,}");
		assertThat(declared.getHeaders().getLocation()).hasPath("/api/incidents/" + key);

		completeTask("ic", key, "Assess incident", Map.of("impact", "significant", "urgency", "high", "service",
				"checkout", "commander", "ic", "communicationsLead", "comms", "scribe", "oncall2"));
		runJobsOf(key);
		completeTask("oncall", key, "Acknowledge page", Map.of("acknowledgementNote", "on it"));
		completeTask("oncall", key, "Contain incident", Map.of("containmentActions", "Drained eu-west"));
		completeTask("oncall", key, "Mitigate incident", Map.of("mitigationActions", "Rolled back"));
		completeTask("ic", key, "Verify recovery", Map.of("recovered", true, "recoveryEvidence", "errors at baseline"));
		completeTask("ic", key, "Resolve incident", Map.of("resolutionSummary", "Bad release rolled back"));
		runJobsOf(key);
		PostmortemDriver.workToPublished((user, task, form) -> completeTask(user, key, task, form), () -> runJobsOf(key));

		JsonNode incident = body(http.get("auditor", "/api/incidents/" + key));
		assertThat(incident.path("status").asText()).isEqualTo("closed");
		assertThat(incident.path("severity").asText()).isEqualTo("SEV2");
		assertThat(incident.path("commander").asText()).isEqualTo("ic");
		for (String milestone : List.of("declaredAt", "acknowledgedAt", "containedAt", "mitigatedAt", "resolvedAt",
				"closedAt")) {
			assertThat(incident.path(milestone).asText()).as(milestone).isNotBlank();
		}
		JsonNode timeline = body(http.get("auditor", "/api/incidents/" + key + "/timeline"));
		List<String> kinds = new ArrayList<>();
		timeline.forEach(event -> kinds.add(event.path("kind").asText()));
		// the notices' deliveries are jobs of their own, run in any order: the steps first, then the notices
		// the postmortem's five steps (owner, investigation, scheduling, review meeting, approval) are step_completed
		assertThat(kinds).filteredOn(kind -> !kind.equals("notification") && !kind.equals("status_update"))
			.containsExactly("declared", "severity_set", "assessed", "severity_set", "paged", "acknowledged", "contained",
					"mitigated", "recovery_checked", "resolved", "step_completed", "step_completed", "step_completed",
					"step_completed", "step_completed", "postmortem_published", "reviewed", "closed");
		assertThat(kinds).filteredOn("status_update"::equals).as("the initial notice and the resolution notice")
			.hasSize(2);
		assertThat(kinds).filteredOn("notification"::equals)
			.as("the page; responders, stakeholders and executives at first; and customers too at the resolution; "
					+ "the review invitation; the published postmortem to the organisation")
			.hasSize(10);
		JsonNode acknowledged = event(timeline, "acknowledged");
		assertThat(acknowledged.path("actor").asText()).isEqualTo("oncall");
		assertThat(acknowledged.path("occurredAt").asText()).isNotBlank();
		assertThat(timeline.findValuesAsText("description"))
			.contains("Page by email to oncall@firebreak.example: kept in the outbox (no SMTP server configured)");

		ResponseEntity<String> page = http.get("ic", "/incidents/" + key);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains(key, "Checkout errors", "Drained eu-west", "Incident commander");
	}

	@Test
	void badDeclarationsAreRejectedWithAJsonErrorAndNothingIsWritten() throws Exception {
		int before = incidents.findRecent(10_000).size();

		assertBadRequest(Map.of("service", "checkout", "impact", "minor", "urgency", "low"), "title is required");
		assertBadRequest(Map.of("title", "t", "service", "checkout", "impact", "huge", "urgency", "low"),
				"impact must be one of extensive, significant, moderate, minor (was 'huge')");
		assertBadRequest(Map.of("title", "t", "service", "checkout", "impact", "minor", "urgency", "soon"),
				"urgency must be one of critical, high, medium, low (was 'soon')");
		assertBadRequest(Map.of("title", "x".repeat(201), "service", "checkout", "impact", "minor", "urgency", "low"),
				"title is 201 characters long; at most 200 are allowed");
		assertBadRequest(Map.of("title", "t", "service", "billing", "impact", "minor", "urgency", "low"),
				"service must be one of checkout, payments, identity, payment-gateway, triage (was 'billing')");
		assertBadRequest("{\"title\": ", "send a JSON object");

		assertThat(incidents.findRecent(10_000)).hasSize(before);
	}

	@Test
	void unknownIncidentsAre404AndStrangersAre401() throws Exception {
		ResponseEntity<String> unknown = http.get("ic", "/api/incidents/INC-1999-0001");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(body(unknown).path("error").asText()).isEqualTo("not found");
		assertThat(http.get("ic", "/api/incidents/whatever/timeline").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(http.get("ic", "/incidents/INC-1999-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(http.get("ic", "/incidents/whatever/task").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<String> stranger = http.post(null, "/api/incidents", CHECKOUT_ERRORS);
		assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(body(stranger).path("error").asText()).isEqualTo("unauthorized");
		assertThat(http.get(null, "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.get("ic", "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void anAuditorMayReadButNotDeclare() throws Exception {
		ResponseEntity<String> refused = http.post("auditor", "/api/incidents", CHECKOUT_ERRORS);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(body(refused).path("error").asText()).isEqualTo("forbidden");
		assertThat(http.get("auditor", "/api/incidents").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.get("ic", "/outbox").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.get("admin", "/outbox").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void aTasklistFormWithInvalidValuesIsRejectedWithItsMessage() throws Exception {
		String key = body(http.post("ic", "/api/incidents", CHECKOUT_ERRORS)).path("key").asText();
		String taskId = taskOf("ic", key, "Assess incident");

		ResponseEntity<String> rejected = http.post("ic", "/engine-rest/task/" + taskId + "/complete",
				variables(Map.of("impact", "significant", "urgency", "high", "service", "checkout", "commander", "nobody")));

		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(body(rejected).path("message").asText())
			.contains("Incident commander must name a person of the roster; 'nobody' is not one");
		assertThat(taskOf("ic", key, "Assess incident")).isEqualTo(taskId);
	}

	@Test
	void aTaskCompletedTwiceAnswersTheSecondTimeThatItIsGone() throws Exception {
		String key = body(http.post("ic", "/api/incidents", CHECKOUT_ERRORS)).path("key").asText();
		String taskId = taskOf("ic", key, "Assess incident");
		Map<String, Object> assessment = Map.of("impact", "significant", "urgency", "high", "service", "checkout",
				"commander", "ic", "communicationsLead", "comms", "scribe", "oncall2");
		assertThat(http.post("ic", "/engine-rest/task/" + taskId + "/complete", variables(assessment)).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<String> again = http.post("ic", "/engine-rest/task/" + taskId + "/complete", variables(assessment));

		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(body(again).path("message").asText()).contains("This task no longer exists");
	}

	@Test
	void concurrentDeclarationsGetUniqueSequentialKeys() throws Exception {
		int declarations = 12;
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < declarations; i++) {
				calls.add(() -> body(http.post("oncall", "/api/incidents", CHECKOUT_ERRORS)).path("key").asText());
			}
			List<Long> sequence = new ArrayList<>();
			for (Future<String> key : pool.invokeAll(calls)) {
				sequence.add(Long.parseLong(key.get().substring(9)));
			}
			sequence.sort(null);
			assertThat(sequence).doesNotHaveDuplicates().hasSize(declarations);
			assertThat(sequence.get(declarations - 1) - sequence.get(0)).as("no gaps").isEqualTo(declarations - 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void assertBadRequest(Object request, String detail) throws Exception {
		ResponseEntity<String> response = http.post("ic", "/api/incidents", request);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		JsonNode error = body(response);
		assertThat(error.path("error").asText()).isNotBlank();
		assertThat(error.path("detail").asText()).contains(detail);
	}

	private void completeTask(String user, String key, String taskName, Map<String, Object> form) throws Exception {
		String taskId = taskOf(user, key, taskName);
		ResponseEntity<String> completed = http.post(user, "/engine-rest/task/" + taskId + "/complete", variables(form));
		assertThat(completed.getStatusCode()).as("%s completes %s: %s", user, taskName, completed.getBody())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	private String taskOf(String user, String key, String taskName) throws Exception {
		JsonNode tasks = body(http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + key));
		List<String> ids = new ArrayList<>();
		tasks.forEach(task -> {
			if (task.path("name").asText().equals(taskName)) {
				ids.add(task.path("id").asText());
			}
		});
		assertThat(ids).as("%s sees the open task %s of %s", user, taskName, key).hasSize(1);
		return ids.get(0);
	}

	private static JsonNode event(JsonNode timeline, String kind) {
		for (JsonNode event : timeline) {
			if (event.path("kind").asText().equals(kind)) {
				return event;
			}
		}
		throw new AssertionError("no " + kind + " on the timeline");
	}

	private void runJobsOf(String key) {
		IncidentResponseDriver.runDueJobs(runtime, management, key);
	}

	private JsonNode body(ResponseEntity<String> response) throws Exception {
		return json.readTree(response.getBody());
	}
}
