package io.firebreak.drill;

import static io.firebreak.system.HttpClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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

import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.system.HttpClient;

/**
 * Drills over HTTP as their users meet them: a commander starts one over the API, the responder
 * sees [DRILL] tasks in Tasklist's API and works them, the scorecard and the training record show
 * it, and the status page and the reports never do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class DrillIntegrationTests {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	HttpClient http;

	@BeforeEach
	void setUp() {
		http = new HttpClient(rest);
	}

	@Test
	void aDrillStartedOverTheApiIsScoredShownInTheTrainingRecordAndKeptOffStatusAndReports() throws Exception {
		int incidentsInReports = reportedIncidents();

		ResponseEntity<String> started = http.post("ic", "/api/drills", Map.of("scenario", "payment-vendor-outage"));

		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
		String key = JSON.readTree(started.getBody()).path("incidentKey").asText();
		assertThat(started.getHeaders().getLocation()).hasToString("/reports/drills/" + key);
		JsonNode incident = JSON.readTree(http.get("ic", "/api/incidents/" + key).getBody());
		assertThat(incident.path("drill").asBoolean()).isTrue();
		assertThat(incident.path("title").asText()).isEqualTo("Payment vendor degraded");

		IncidentResponseDriver.runDueJobs(runtime, management, key); // the opening alerts, the page
		JsonNode tasks = JSON.readTree(http.get("oncall", "/engine-rest/task?processInstanceBusinessKey=" + key).getBody());
		JsonNode acknowledge = find(tasks, "[DRILL] Acknowledge page");
		ResponseEntity<String> acknowledged = http.post("oncall", "/engine-rest/task/" + acknowledge.path("id").asText()
				+ "/complete", variables(Map.of()));
		assertThat(acknowledged.getStatusCode()).as(acknowledged.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

		JsonNode card = JSON.readTree(http.get("ic", "/reports/drills/" + key + ".json").getBody());
		assertThat(card.path("scenario").asText()).isEqualTo("payment-vendor-outage");
		assertThat(card.path("steps").get(0).path("step").asText()).isEqualTo("acknowledge");
		assertThat(card.path("steps").get(0).path("result").asText()).isEqualTo("met");
		assertThat(card.path("steps").get(1).path("result").asText()).isEqualTo("pending");
		assertThat(card.path("participants").toString()).contains("\"person\":\"oncall\"", "responder");
		String page = http.get("auditor", "/reports/drills").getBody();
		assertThat(page).contains(key, "Payment vendor degraded", "(running)", "1 of 3 targets met");

		JsonNode training = JSON.readTree(http.get("ic", "/roster/oncall/training.json").getBody());
		assertThat(training.path("drills").toString()).contains(key, "payment-vendor-outage", "responder");
		assertThat(http.get("ic", "/roster/oncall/training").getBody()).contains("Training record: Omar", key);
		assertThat(http.get("oncall", "/roster").getBody()).contains("Preparedness", "/roster/oncall/training");

		assertThat(rest.getForEntity("/status.json", String.class).getBody()).doesNotContain(key, "Payment vendor");
		assertThat(rest.getForEntity("/status", String.class).getBody()).doesNotContain(key, "Payment vendor");
		assertThat(reportedIncidents()).as("drills stay out of MTTA and MTTR").isEqualTo(incidentsInReports);
	}

	@Test
	void aBadStartIsA400NamingTheScenariosAndOnlyThoseWhoMayDeclareMayDrill() throws Exception {
		ResponseEntity<String> unknown = http.post("ic", "/api/drills", Map.of("scenario", "chekout"));
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(JSON.readTree(unknown.getBody()).path("detail").asText())
			.isEqualTo("'chekout' is no drill scenario; the scenarios are checkout-database-failover, "
					+ "payment-vendor-outage, identity-login-failures");
		assertThat(http.post("ic", "/api/drills", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(http.post("auditor", "/api/drills", Map.of("scenario", "payment-vendor-outage")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.post("comms", "/api/drills", Map.of("scenario", "payment-vendor-outage")).getStatusCode())
			.as("communications leads may not declare, so may not drill").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.get("oncall", "/reports/drills").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.get("ic", "/reports/drills/INC-1999-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(http.get("ic", "/roster/nobody/training").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		JsonNode scenarios = JSON.readTree(http.get("oncall", "/api/drills/scenarios").getBody());
		assertThat(scenarios).hasSize(3);
	}

	private int reportedIncidents() throws Exception {
		return JSON.readTree(http.get("ic", "/reports.json").getBody()).path("all").path("incidents").asInt();
	}

	private static JsonNode find(JsonNode tasks, String name) {
		for (JsonNode task : tasks) {
			if (name.equals(task.path("name").asText())) {
				return task;
			}
		}
		throw new AssertionError("no task '" + name + "' in " + tasks);
	}
}
