package io.firebreak.system;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks HTTP to a {@link FirebreakNode} as a demo user (password = user id), as any client would. */
public final class NodeHttp {

	public static final ObjectMapper JSON = new ObjectMapper();

	/** An answer: its status and body, and the body read as JSON when it is JSON. */
	public record Answer(int status, String body) {

		public JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException e) {
				throw new IllegalStateException("not JSON (" + status + "): " + body, e);
			}
		}
	}

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final FirebreakNode node;

	NodeHttp(FirebreakNode node) {
		this.node = node;
	}

	public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	public Answer get(String user, String path) throws IOException, InterruptedException {
		return answer(request(user, path).header("Accept", "application/json").GET());
	}

	/** A page, as a browser asks for it. */
	public Answer page(String user, String path) throws IOException, InterruptedException {
		return answer(request(user, path).header("Accept", "text/html").GET());
	}

	/** A plain-text resource, such as the Prometheus scrape. */
	public Answer getText(String user, String path) throws IOException, InterruptedException {
		return answer(request(user, path).header("Accept", "text/plain").GET());
	}

	public Answer post(String user, String path, Object json) throws IOException, InterruptedException {
		return answer(request(user, path).header("Accept", "application/json").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json))));
	}

	public Answer put(String user, String path, Object json) throws IOException, InterruptedException {
		return answer(request(user, path).header("Accept", "application/json").header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json))));
	}

	/** Posts a body as it is, for payloads recorded byte for byte (Alertmanager, PagerDuty). */
	public Answer postRaw(String path, String authorization, byte[] body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return answer(request);
	}

	/** Declares an incident as {@code ic}; the answer is 201 with the key, or whatever went wrong. */
	public Answer declare(String title, String service, String impact, String urgency)
			throws IOException, InterruptedException {
		return post("ic", "/api/incidents", Map.of("title", title, "summary", "Declared by a failure test",
				"service", service, "impact", impact, "urgency", urgency));
	}

	/** Camunda REST's body for completing a task or submitting its form. */
	public static Map<String, Object> variables(Map<String, Object> values) {
		return io.firebreak.system.HttpClient.variables(values);
	}

	private HttpRequest.Builder request(String user, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60));
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private Answer answer(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = send(request.build());
		return new Answer(response.statusCode(), response.body());
	}
}
