package io.firebreak.incident;

import static io.firebreak.incident.IncidentsOverHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import io.firebreak.system.HttpClient;

/**
 * Roles change hands while the incident runs, over {@code POST /api/incidents/{key}/roles}: the
 * plan's variable, the tasks assigned by {@code ${commander}}, the record and the timeline move
 * together, and a refused hand-over changes none of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class RoleHandOverIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IncidentRepository records;

	HttpClient http;

	IncidentsOverHttp incidents;

	@BeforeEach
	void setUp() {
		http = new HttpClient(rest);
		incidents = new IncidentsOverHttp(http, tasks, management, records);
	}

	@Test
	void theAssessmentOffersEachRoleItsPool() throws Exception {
		String key = body(http.post("ic", "/api/incidents", Map.of("title", "Checkout errors", "service", "checkout",
				"impact", "minor", "urgency", "low"))).path("key").asText();
		String assess = incidents.openTask(key, "Assess incident").getId();

		assertThat(tasks.getVariableLocal(assess, "rosterCommanders").toString())
			.contains("\"value\":\"ic\"", "\"value\":\"admin\"").doesNotContain("oncall");
		assertThat(tasks.getVariableLocal(assess, "rosterScribes").toString())
			.contains("\"value\":\"oncall2\"").doesNotContain("\"value\":\"admin\"");
		ResponseEntity<String> outsidePool = http.post("ic", "/engine-rest/task/" + assess + "/complete",
				HttpClient.variables(Map.of("impact", "minor", "urgency", "low", "service", "checkout",
						"commander", "oncall")));
		assertThat(outsidePool.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(body(outsidePool).path("message").asText()).contains(
				"Incident commander must be someone of the incident commander pool (ic, admin); 'oncall' is not in it");
	}

	@Test
	void someoneOfTheCommanderPoolTakesCommandAndTheCommandersTasksWithIt() throws Exception {
		String key = incidents.declareAndAssess("significant", "high");
		incidents.workToVerifyRecovery(key);
		assertThat(incidents.openTask(key, "Verify recovery").getAssignee()).isEqualTo("ic");

		ResponseEntity<String> takenOver = handOver("admin", key, "commander", "admin", "Ingrid is off shift");

		assertThat(takenOver.getStatusCode()).as(takenOver.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(body(takenOver).path("commander").asText()).isEqualTo("admin");
		assertThat(incidents.incident(key).path("commander").asText()).isEqualTo("admin");
		JsonNode last = lastTimelineEntry(key);
		assertThat(last.path("kind").asText()).isEqualTo("role_handed_over");
		assertThat(last.path("actor").asText()).isEqualTo("admin");
		assertThat(last.path("description").asText()).isEqualTo("Incident commander handed over from Ingrid Commander"
				+ " to Ada Admin by admin: Ingrid is off shift (open tasks moved: Verify recovery)");
		assertThat(incidents.openTask(key, "Verify recovery").getAssignee()).isEqualTo("admin");
		assertThat(runtime.getVariable(incidents.processInstanceId(key), "commander")).isEqualTo("admin");

		incidents.completeTask("admin", key, "Verify recovery",
				Map.of("recovered", true, "recoveryEvidence", "errors at baseline"));
		assertThat(incidents.openTask(key, "Resolve incident").getAssignee())
			.as("the plan assigns by ${commander} from now on").isEqualTo("admin");
	}

	@Test
	void theCommanderHandsAnyRoleOverAndNoLongerMayOnceCommandIsHandedOn() throws Exception {
		String key = incidents.declareAndAssess("significant", "high");

		assertThat(handOver("ic", key, "communicationsLead", "ic", null).getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> commandHandedOn = handOver("ic", key, "commander", "admin", "handing over to Ada");

		assertThat(commandHandedOn.getStatusCode()).as(commandHandedOn.getBody()).isEqualTo(HttpStatus.OK);
		JsonNode incident = incidents.incident(key);
		assertThat(incident.path("communicationsLead").asText()).isEqualTo("ic");
		assertThat(incident.path("commander").asText()).isEqualTo("admin");
		assertThat(runtime.getVariable(incidents.processInstanceId(key), "communicationsLead")).isEqualTo("ic");
		assertThat(lastTimelineEntry(key).path("description").asText()).isEqualTo(
				"Incident commander handed over from Ingrid Commander to Ada Admin by ic: handing over to Ada");
		assertThat(handOver("ic", key, "scribe", "comms", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(handOver("admin", key, "scribe", "comms", null).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void someoneOutsideTheCommanderPoolMayNotTakeCommandAndNothingChanges() throws Exception {
		String key = incidents.declareAndAssess("significant", "high");
		incidents.workToVerifyRecovery(key);
		int timelineBefore = incidents.timeline(key).size();

		ResponseEntity<String> refused = handOver("oncall", key, "commander", "oncall", "let me");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(body(refused).path("error").asText()).isEqualTo("forbidden");
		assertThat(body(refused).path("detail").asText()).contains("oncall may not hand over command of " + key,
				"the current commander (ic)", "commander pool (ic, admin)");
		assertThat(handOver("oncall", key, "commander", "admin", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(handOver("comms", key, "scribe", "comms", null).getStatusCode()).as("only the commander hands roles on")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(handOver("auditor", key, "commander", "admin", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertNothingChanged(key, timelineBefore);
	}

	@Test
	void badHandOversAreRefusedWithWhatToFixAndNothingChanges() throws Exception {
		String key = incidents.declareAndAssess("significant", "high");
		incidents.workToVerifyRecovery(key);
		int timelineBefore = incidents.timeline(key).size();

		assertBadRequest(handOver("ic", key, "commander", "oncall", null),
				"oncall is not in the incident commander pool; pick one of: ic, admin");
		assertBadRequest(handOver("ic", key, "scribe", "admin", null),
				"admin is not in the scribe pool; pick one of: comms, oncall2, ic");
		assertBadRequest(handOver("ic", key, "captain", "admin", null),
				"role must be one of commander, communicationsLead, scribe, privacyLead (was 'captain')");
		assertBadRequest(handOver("ic", key, "commander", "mallory", null),
				"person must be the user id of someone on the roster (was 'mallory')");
		assertBadRequest(handOver("ic", key, "commander", null, null), "person is required");
		assertBadRequest(handOver("ic", key, "commander", "ic", null), "ic already is the incident commander of " + key);
		assertBadRequest(http.post("ic", "/api/incidents/" + key + "/roles", null), "send a JSON object with role");
		assertBadRequest(handOver("ic", key, "commander", "admin", "x".repeat(2001)), "note is 2001 characters long");
		assertThat(handOver("ic", "INC-1999-0001", "commander", "admin", null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertNothingChanged(key, timelineBefore);
	}

	@Test
	void aClosedIncidentKeepsItsRoles() throws Exception {
		String key = incidents.declareAndAssess("minor", "low");
		incidents.workToVerifyRecovery(key);
		incidents.completeTask("ic", key, "Verify recovery", Map.of("recovered", true, "recoveryEvidence", "fine"));
		incidents.completeTask("ic", key, "Resolve incident", Map.of("resolutionSummary", "Rolled back"));
		incidents.runJobsOf(key);
		assertThat(incidents.incident(key).path("status").asText()).isEqualTo("closed");

		ResponseEntity<String> refused = handOver("admin", key, "commander", "admin", null);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(body(refused).path("detail").asText())
			.isEqualTo("Incident " + key + " cannot be given a new incident commander while it is closed");
		assertThat(incidents.incident(key).path("commander").asText()).isEqualTo("ic");
	}

	private void assertNothingChanged(String key, int timelineBefore) throws Exception {
		JsonNode incident = incidents.incident(key);
		assertThat(incident.path("commander").asText()).isEqualTo("ic");
		assertThat(incident.path("scribe").asText()).isEqualTo("oncall2");
		assertThat(incidents.timeline(key)).hasSize(timelineBefore);
		assertThat(runtime.getVariable(incidents.processInstanceId(key), "commander")).isEqualTo("ic");
		assertThat(incidents.openTask(key, "Verify recovery").getAssignee()).isEqualTo("ic");
	}

	private static void assertBadRequest(ResponseEntity<String> response, String detail) throws Exception {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(body(response).path("detail").asText()).contains(detail);
	}

	private ResponseEntity<String> handOver(String user, String key, String role, String person, String note) {
		Map<String, Object> request = new HashMap<>();
		request.put("role", role);
		request.put("person", person);
		request.put("note", note);
		return http.post(user, "/api/incidents/" + key + "/roles", request);
	}

	private JsonNode lastTimelineEntry(String key) throws Exception {
		List<JsonNode> entries = incidents.timeline(key);
		return entries.get(entries.size() - 1);
	}
}
