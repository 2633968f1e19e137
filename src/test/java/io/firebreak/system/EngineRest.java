package io.firebreak.system;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.firebreak.system.NodeHttp.Answer;

/** Camunda's REST API (/engine-rest) on one node, as Tasklist, Cockpit or a script use it. */
public record EngineRest(FirebreakNode node) {

	private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(ZoneOffset.UTC);

	/** The open tasks of an incident, as an administrator sees them. */
	public List<JsonNode> tasks(String incidentKey) throws IOException, InterruptedException {
		List<JsonNode> tasks = new ArrayList<>();
		ok(node.http().get("admin", "/engine-rest/task?processInstanceBusinessKey=" + incidentKey)).json()
			.forEach(tasks::add);
		return tasks;
	}

	public Optional<JsonNode> task(String incidentKey, String definitionKey) throws IOException, InterruptedException {
		return tasks(incidentKey).stream()
			.filter(task -> definitionKey.equals(task.path("taskDefinitionKey").asText()))
			.findFirst();
	}

	/** Completes a task as {@code user} with a form's values; Camunda answers 204 when it went through. */
	public Answer complete(String user, JsonNode task, Map<String, Object> form) throws IOException, InterruptedException {
		return node.http().post(user, "/engine-rest/task/" + task.path("id").asText() + "/complete",
				NodeHttp.variables(form));
	}

	/** The id of the incident-response instance that works on an incident. */
	public String processInstanceId(String incidentKey) throws IOException, InterruptedException {
		JsonNode instances = ok(node.http().get("admin",
				"/engine-rest/process-instance?processDefinitionKey=incident-response&businessKey=" + incidentKey)).json();
		if (instances.size() != 1) {
			throw new AssertionError("expected one incident-response instance for " + incidentKey + ": " + instances);
		}
		return instances.get(0).path("id").asText();
	}

	/** The instance's timer jobs. */
	public List<JsonNode> timers(String processInstanceId) throws IOException, InterruptedException {
		List<JsonNode> timers = new ArrayList<>();
		ok(node.http().get("admin", "/engine-rest/job?timers=true&processInstanceId=" + processInstanceId)).json()
			.forEach(timers::add);
		return timers;
	}

	/** Makes a job due at {@code when}, as an operator does in Cockpit. */
	public void dueAt(String jobId, Instant when) throws IOException, InterruptedException {
		Answer answer = node.http().put("admin", "/engine-rest/job/" + jobId + "/duedate",
				Map.of("duedate", REST_DATE.format(when)));
		if (answer.status() != 204) {
			throw new AssertionError("setting the due date of job " + jobId + " answered " + answer);
		}
	}

	private static Answer ok(Answer answer) {
		if (answer.status() != 200) {
			throw new AssertionError("expected 200, got " + answer);
		}
		return answer;
	}
}
