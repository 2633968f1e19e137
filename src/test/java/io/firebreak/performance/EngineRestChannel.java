package io.firebreak.performance;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Works incidents over HTTP (HTTP/1.1, as a browser or script would) through Camunda's REST API,
 * /engine-rest: the incident's open tasks by business key, each submitted with its form's values
 * in Camunda's variable format, as Tasklist does. On Firebreak every call is signed in (basic
 * auth; the demo roster's password is the user id): task lists as {@code admin}, who sees every
 * task as a dashboard would, completions as the person who does the task. The bare engine's REST
 * API has no authentication, so the same requests go without it.
 */
public final class EngineRestChannel implements IncidentChannel {

	/** Starts incident number n over HTTP (a process start, or a declaration) and answers its key. */
	@FunctionalInterface
	public interface Start {
		String start(EngineRestChannel http, int n) throws Exception;
	}

	static final ObjectMapper JSON = new ObjectMapper();
	private static final String OBSERVER = "admin";

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final String base;
	private final boolean signedIn;
	private final Start start;

	public EngineRestChannel(int port, boolean signedIn, Start start) {
		this.base = "http://127.0.0.1:" + port;
		this.signedIn = signedIn;
		this.start = start;
	}

	@Override
	public String start(int n) throws Exception {
		return start.start(this, n);
	}

	@Override
	public List<OpenTask> openTasks(String key) throws Exception {
		JsonNode tasks = json(send(OBSERVER, "GET", "/engine-rest/task?processInstanceBusinessKey=" + encode(key), null),
				200);
		List<OpenTask> open = new ArrayList<>();
		tasks.forEach(task -> open.add(new OpenTask(task.path("id").asText(), task.path("taskDefinitionKey").asText(),
				task.path("assignee").isNull() ? null : task.path("assignee").asText())));
		return open;
	}

	@Override
	public void complete(OpenTask task, String user, Map<String, Object> form) throws Exception {
		HttpResponse<String> response = send(user, "POST", "/engine-rest/task/" + task.id() + "/submit-form",
				Map.of("variables", variables(form)));
		if (response.statusCode() == 500 && (response.body().contains("OptimisticLocking") || response.body().contains("ENGINE-03005"))) {
			throw new ConcurrentChange(response.body(), null);
		}
		expect(response, 204);
	}

	@Override
	public boolean running(String key) throws Exception {
		return json(send(OBSERVER, "GET", "/engine-rest/process-instance/count?businessKey=" + encode(key), null), 200)
			.path("count").asLong() > 0;
	}

	@Override
	public String mode() {
		return "http";
	}

	/** Sends a request as {@code user} (signed in on Firebreak only); {@code body} goes as JSON. */
	public HttpResponse<String> send(String user, String method, String path, Object body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
		if (signedIn) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
		}
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A form's values in Camunda's REST format: taglists as JSON text of type Json, as Tasklist sends them. */
	public static Map<String, Object> variables(Map<String, Object> form) throws IOException {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (Map.Entry<String, Object> field : form.entrySet()) {
			Object value = field.getValue();
			Object typed;
			if (value instanceof List<?> list) {
				typed = Map.of("value", JSON.writeValueAsString(list), "type", "Json");
			}
			else if (value instanceof Boolean flag) {
				typed = Map.of("value", flag, "type", "Boolean");
			}
			else if (value instanceof Integer number) {
				typed = Map.of("value", number, "type", "Integer");
			}
			else {
				typed = Map.of("value", String.valueOf(value), "type", "String");
			}
			variables.put(field.getKey(), typed);
		}
		return variables;
	}

	public static JsonNode json(HttpResponse<String> response, int status) throws IOException {
		expect(response, status);
		return JSON.readTree(response.body());
	}

	static void expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
					+ response.statusCode() + " (expected " + status + "): " + response.body());
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
