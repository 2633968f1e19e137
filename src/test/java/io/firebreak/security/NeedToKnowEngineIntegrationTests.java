package io.firebreak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.system.HttpClient;

/**
 * Need-to-know in Camunda: a security incident's instances, tasks, variables and history over
 * /engine-rest (which Tasklist and Cockpit read through the same authorizations) for each role:
 * invisible to responders, communications, commanders and plan authors who hold no role on it;
 * visible to the security team, auditors and admins; and to a commander once named on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class NeedToKnowEngineIntegrationTests {

	static final List<String> OUTSIDERS = List.of("oncall", "oncall2", "comms", "ic", "author");
	static final List<String> INSIDERS = List.of("security", "auditor", "admin");

	@Autowired
	TestRestTemplate rest;

	final ObjectMapper json = new ObjectMapper();
	HttpClient http;
	String key;
	String instanceId;

	@BeforeEach
	void declareASecurityIncident() throws Exception {
		http = new HttpClient(rest);
		ResponseEntity<String> declared = http.post("security", "/api/incidents", Map.of("title",
				"Session tokens stolen from the identity service", "service", "identity", "impact", "significant",
				"urgency", "high", "type", "security"));
		assertThat(declared.getStatusCode().value()).as(declared.getBody()).isEqualTo(201);
		key = json.readTree(declared.getBody()).path("key").asText();
		JsonNode instances = json.readTree(http.get("admin", "/engine-rest/process-instance?businessKey=" + key).getBody());
		assertThat(instances).hasSize(1);
		assertThat(instances.get(0).path("definitionId").asText()).as("the type chooses the plan")
			.startsWith("security-incident:");
		instanceId = instances.get(0).path("id").asText();
	}

	@Test
	void outsidersFindNothingOfItInTheEngine() throws Exception {
		for (String user : OUTSIDERS) {
			assertThat(list(user, "/engine-rest/process-instance?businessKey=" + key)).as("%s: running instances", user).isEmpty();
			assertThat(list(user, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key))
				.as("%s: historic instances", user).isEmpty();
			assertThat(list(user, "/engine-rest/task?processInstanceBusinessKey=" + key)).as("%s: tasks", user).isEmpty();
			assertThat(list(user, "/engine-rest/history/task?processInstanceBusinessKey=" + key)).as("%s: historic tasks", user)
				.isEmpty();
			assertThat(list(user, "/engine-rest/history/variable-instance?processInstanceId=" + instanceId))
				.as("%s: historic variables", user).isEmpty();
			assertThat(list(user, "/engine-rest/history/activity-instance?processInstanceId=" + instanceId))
				.as("%s: historic activities", user).isEmpty();
			assertThat(http.get(user, "/engine-rest/process-instance/" + instanceId + "/variables").getStatusCode().value())
				.as("%s: the instance's variables", user).isIn(403, 404);
		}
	}

	@Test
	void theSecurityTeamAuditorsAndAdminsSeeIt() throws Exception {
		for (String user : INSIDERS) {
			assertThat(list(user, "/engine-rest/process-instance?businessKey=" + key)).as("%s: running instances", user).hasSize(1);
			assertThat(list(user, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key))
				.as("%s: historic instances", user).hasSize(1);
			assertThat(list(user, "/engine-rest/history/task?processInstanceBusinessKey=" + key))
				.as("%s: historic tasks", user).isNotEmpty();
			assertThat(list(user, "/engine-rest/history/variable-instance?processInstanceId=" + instanceId))
				.as("%s: historic variables", user).isNotEmpty();
			assertThat(http.get(user, "/engine-rest/process-instance/" + instanceId + "/variables").getStatusCode().value())
				.as("%s: the instance's variables", user).isEqualTo(200);
		}
		assertThat(list("security", "/engine-rest/task?processInstanceBusinessKey=" + key))
			.as("the security team works its tasks").extracting(task -> task.path("taskDefinitionKey").asText())
			.contains("UserTask_TriageIncident");
	}

	@Test
	void aCommanderNamedOnItSeesItFromThenOnAndNobodyElseDoes() throws Exception {
		JsonNode triage = list("security", "/engine-rest/task?processInstanceBusinessKey=" + key
				+ "&taskDefinitionKey=UserTask_TriageIncident").get(0);
		ResponseEntity<String> triaged = http.post("security", "/engine-rest/task/" + triage.path("id").asText() + "/complete",
				HttpClient.variables(Map.of("impact", "significant", "urgency", "high", "service", "identity",
						"commander", "ic", "privacyLead", "security")));
		assertThat(triaged.getStatusCode().value()).as(triaged.getBody()).isEqualTo(204);

		assertThat(list("ic", "/engine-rest/process-instance?businessKey=" + key)).as("ic: running instance").hasSize(1);
		assertThat(list("ic", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key))
			.as("ic: historic instance").hasSize(1);
		assertThat(http.get("ic", "/engine-rest/process-instance/" + instanceId + "/variables").getStatusCode().value())
			.isEqualTo(200);
		for (String user : List.of("oncall", "comms", "author")) {
			assertThat(list(user, "/engine-rest/process-instance?businessKey=" + key)).as("%s", user).isEmpty();
			assertThat(list(user, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key))
				.as("%s", user).isEmpty();
		}
	}

	private List<JsonNode> list(String user, String path) throws Exception {
		ResponseEntity<String> answer = http.get(user, path);
		assertThat(answer.getStatusCode().value()).as("%s GET %s: %s", user, path, answer.getBody()).isEqualTo(200);
		List<JsonNode> items = new java.util.ArrayList<>();
		json.readTree(answer.getBody()).forEach(items::add);
		return items;
	}
}
