package io.firebreak.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda Modeler's Deploy button: a multipart POST to /engine-rest/deployment/create with the
 * deployment name, source "Camunda Modeler", deploy-changed-only, and each file in a part named
 * after it (parts are keyed by name: two files under one name deploy only the last).
 */
record ModelerDeploy(int port) {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();
	private static final ObjectMapper JSON = new ObjectMapper();

	record Answer(int status, String body) {

		JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException e) {
				throw new AssertionError("not JSON (" + status + "): " + body, e);
			}
		}

		/** Every problem's message in a ParseException's details, one per line. */
		String problems() {
			StringBuilder lines = new StringBuilder();
			json().path("details").forEach(resource -> resource.path("errors")
				.forEach(error -> lines.append(error.path("message").asText()).append('\n')));
			return lines.toString();
		}
	}

	Answer deploy(String user, String deploymentName, Map<String, byte[]> files) throws IOException, InterruptedException {
		String boundary = "----ModelerBoundary" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, boundary, "deployment-name", deploymentName);
		field(body, boundary, "deployment-source", "Camunda Modeler");
		field(body, boundary, "deploy-changed-only", "true");
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
					+ file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			body.write(file.getValue());
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
			.header("Authorization", basic(user))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	Answer get(String user, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
			.header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	Answer postJson(String user, String path, Object json) throws IOException, InterruptedException {
		HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
			.header("Accept", "application/json").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json))).build(),
				HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

	private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
	}

	private static void write(ByteArrayOutputStream body, String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
