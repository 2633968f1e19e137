package io.firebreak.incident;

import static io.firebreak.system.HttpClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.system.HttpClient;

/** Declares and works incidents over Firebreak's API and /engine-rest as the demo roster, as responders would. */
public record IncidentsOverHttp(HttpClient http, TaskService tasks, ManagementService management,
		IncidentRepository incidents) {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Declared by ic and assessed with ic commanding, comms as communications lead and oncall2 as scribe. */
	public String declareAndAssess(String impact, String urgency) throws Exception {
		String key = body(http.post("ic", "/api/incidents", Map.of("title", "Checkout errors", "service", "checkout",
				"impact", impact, "urgency", urgency))).path("key").asText();
		completeTask("ic", key, "Assess incident", Map.of("impact", impact, "urgency", urgency, "service", "checkout",
				"commander", "ic", "communicationsLead", "comms", "scribe", "oncall2"));
		return key;
	}

	/** Paged, acknowledged, contained and mitigated: the commander's Verify recovery is open. */
	public void workToVerifyRecovery(String key) throws Exception {
		runJobsOf(key);
		completeTask("oncall", key, "Acknowledge page", Map.of("acknowledgementNote", "on it"));
		completeTask("oncall", key, "Contain incident", Map.of("containmentActions", "Drained eu-west"));
		completeTask("oncall", key, "Mitigate incident", Map.of("mitigationActions", "Rolled back"));
	}

	public void completeTask(String user, String key, String taskName, Map<String, Object> form) {
		ResponseEntity<String> completed = http.post(user, "/engine-rest/task/" + openTask(key, taskName).getId()
				+ "/complete", variables(form));
		assertThat(completed.getStatusCode()).as("%s completes %s: %s", user, taskName, completed.getBody())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	public Task openTask(String key, String taskName) {
		return tasks.createTaskQuery().processInstanceBusinessKey(key).taskName(taskName).singleResult();
	}

	public String processInstanceId(String key) {
		return incidents.findByKey(key).orElseThrow().processInstanceId();
	}

	/** Runs the instance's due jobs (pages, notices, timers) as the job executor would. */
	public void runJobsOf(String key) {
		management.createJobQuery().processInstanceId(processInstanceId(key)).list()
			.forEach(job -> management.executeJob(job.getId()));
	}

	public JsonNode incident(String key) throws Exception {
		return body(http.get("auditor", "/api/incidents/" + key));
	}

	public List<JsonNode> timeline(String key) throws Exception {
		List<JsonNode> entries = new ArrayList<>();
		body(http.get("auditor", "/api/incidents/" + key + "/timeline")).forEach(entries::add);
		return entries;
	}

	static JsonNode body(ResponseEntity<String> response) throws Exception {
		return JSON.readTree(response.getBody());
	}
}
