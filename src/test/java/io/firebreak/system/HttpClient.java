package io.firebreak.system;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Talks to the running application as a named demo user (password = user id). */
public record HttpClient(TestRestTemplate rest) {

	public ResponseEntity<String> get(String user, String path) {
		return exchange(user, HttpMethod.GET, path, null);
	}

	public ResponseEntity<String> post(String user, String path, Object json) {
		return exchange(user, HttpMethod.POST, path, json);
	}

	public ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML));
		if (user != null) {
			headers.setBasicAuth(user, user);
		}
		return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
	}

	/** The body Camunda's REST API expects for completing a task. */
	public static Map<String, Object> variables(Map<String, Object> values) {
		Map<String, Object> variables = new java.util.LinkedHashMap<>();
		// lists and objects go as Tasklist sends a taglist or a dynamic list: JSON text of type Json
		values.forEach((name, value) -> variables.put(name, value instanceof java.util.Collection<?> || value instanceof Map<?, ?>
				? Map.of("value", json(value), "type", "Json") : Map.of("value", value)));
		return Map.of("variables", variables);
	}

	private static String json(Object value) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new IllegalArgumentException(e);
		}
	}
}
