package io.firebreak.alert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Posts alert payloads to a running Firebreak as the alert sources do, byte for byte. */
record AlertHttp(String baseUrl, HttpClient client) {

	record Answer(int status, JsonNode body, HttpResponse<String> raw) {
		String text(String field) {
			return body.path(field).asText();
		}
	}

	static final ObjectMapper JSON = new ObjectMapper();

	static AlertHttp on(int port) {
		return new AlertHttp("http://127.0.0.1:" + port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
	}

	Answer alertmanager(byte[] body) {
		return post("/api/alerts/alertmanager", "Bearer " + AlertFixtures.DEMO_KEY, body, false);
	}

	Answer pagerDuty(byte[] body) {
		return post("/v2/enqueue", null, body, false);
	}

	/** {@code chunked}: no Content-Length, as a streaming sender would post. */
	Answer post(String path, String authorization, byte[] body, boolean chunked) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
					: HttpRequest.BodyPublishers.ofByteArray(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
			return new Answer(response.statusCode(), json, response);
		}
		catch (IOException e) {
			throw new IllegalStateException("POST " + path + " failed: " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
