package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.firebreak.system.EngineRest;
import io.firebreak.system.FirebreakNode;
import io.firebreak.system.NodeHttp;

/** What the mail outage test does to a node and reads from it, over HTTP as its users would. */
final class OutageScenario {

	private static final Duration POLL = Duration.ofSeconds(2);

	private final FirebreakNode node;
	private final NodeHttp http;
	private final Properties messages = new Properties();

	OutageScenario(FirebreakNode node) throws IOException {
		this.node = node;
		this.http = node.http();
		try (InputStream in = OutageScenario.class.getResourceAsStream("/messages.properties")) {
			messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
	}

	String declare(String title, String service, String impact, String urgency) throws Exception {
		NodeHttp.Answer declared = http.declare(title, service, impact, urgency);
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		return declared.json().path("key").asText();
	}

	/** Acknowledges, assesses, contains, mitigates and verifies: the incident waits for its resolution. */
	void workToResolve(String key) throws Exception {
		JsonNode incident = incident(key);
		complete(key, "UserTask_AcknowledgePage", "oncall", Map.of());
		complete(key, "UserTask_AssessIncident", "ic", Map.of("impact", incident.path("impact").asText(), "urgency",
				incident.path("urgency").asText(), "service", incident.path("service").asText(), "commander", "ic",
				"communicationsLead", "comms", "scribe", "oncall2", "customerImpact", "Some customers see errors"));
		complete(key, "UserTask_ContainIncident", "oncall", Map.of("containmentActions", "Drained the zone"));
		complete(key, "UserTask_MitigateIncident", "oncall", Map.of("mitigationActions", "Rolled back"));
		complete(key, "UserTask_VerifyRecovery", "ic", Map.of("recovered", true, "recoveryEvidence", "Healthy"));
	}

	/** Completes the incident's task (waiting for it to exist) through Camunda's REST API as {@code user}. */
	void complete(String key, String taskDefinitionKey, String user, Map<String, Object> variables) throws Exception {
		String query = "/engine-rest/task?processInstanceBusinessKey=" + encode(key) + "&taskDefinitionKey="
				+ taskDefinitionKey;
		JsonNode task = await(taskDefinitionKey + " of " + key, Duration.ofSeconds(60), () -> {
			JsonNode tasks = http.get("admin", query).json();
			return tasks.size() == 1 ? tasks.get(0) : null;
		});
		NodeHttp.Answer completed = new EngineRest(node).complete(user, task, variables);
		assertThat(completed.status()).as("%s of %s: %s", taskDefinitionKey, key, completed.body()).isEqualTo(204);
	}

	/**
	 * Waits until, for every incident, each expected notification line is on its timeline (a
	 * notification entry starting with it, and containing {@code alsoContains} if given).
	 */
	void awaitTimelines(String what, Duration timeout, Map<String, List<String>> expected, String alsoContains)
			throws Exception {
		List<String> missing = new ArrayList<>();
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			missing.clear();
			for (var incident : expected.entrySet()) {
				List<String> notifications = entries(timeline(incident.getKey()), "notification");
				for (String line : incident.getValue()) {
					if (notifications.stream()
						.noneMatch(n -> n.startsWith(line) && (alsoContains == null || n.contains(alsoContains)))) {
						missing.add(incident.getKey() + ": " + line + " (timeline: " + notifications + ")");
					}
				}
			}
			if (missing.isEmpty()) {
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what + "; missing:\n  "
						+ String.join("\n  ", missing) + "\nnode log: " + node.log());
			}
			Thread.sleep(POLL.toMillis());
		}
	}

	/** No page, escalation or notice job is left to run: nothing more can be sent. */
	void awaitNoNotificationJobsLeft(Duration timeout) throws Exception {
		await("no notification job left", timeout, () -> {
			long jobs = 0;
			for (String activity : List.of("ServiceTask_PageOnCall", "ServiceTask_EscalatePage", "ServiceTask_NotifyInitial",
					"ServiceTask_NotifyResolution", "ServiceTask_DeliverNotice")) {
				jobs += count("/engine-rest/job/count?activityId=" + activity);
			}
			return jobs == 0 ? true : null;
		});
	}

	long engineIncidents() throws Exception {
		return count("/engine-rest/incident/count");
	}

	JsonNode incident(String key) throws Exception {
		return http.get("admin", "/api/incidents/" + encode(key)).json();
	}

	JsonNode timeline(String key) throws Exception {
		NodeHttp.Answer timeline = http.get("admin", "/api/incidents/" + encode(key) + "/timeline");
		assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
		return timeline.json();
	}

	List<String> openTasks(String key) throws Exception {
		List<String> tasks = new ArrayList<>();
		http.get("admin", "/engine-rest/task?processInstanceBusinessKey=" + encode(key)).json()
			.forEach(task -> tasks.add(task.path("taskDefinitionKey").asText()));
		return tasks;
	}

	static List<String> entries(JsonNode timeline, String kind) {
		List<String> descriptions = new ArrayList<>();
		timeline.forEach(entry -> {
			if (entry.path("kind").asText().equals(kind)) {
				descriptions.add(entry.path("description").asText());
			}
		});
		return descriptions;
	}

	/** The dashboard's "Notification failed" banner names each incident with a failed notice, and why. */
	void assertDashboardShowsFailed(Collection<String> keys, String error) throws Exception {
		String dashboard = page("/");
		Matcher banner = Pattern.compile("<div class=\"banner error\">(.*?)</div>", Pattern.DOTALL).matcher(dashboard);
		assertThat(banner.find()).as("the dashboard's failure banner").isTrue();
		assertThat(banner.group(1)).contains(messages.getProperty("notification.failed")).contains(error);
		List<String> named = new ArrayList<>();
		Matcher link = Pattern.compile("href=\"/incidents/([^\"]+)\"").matcher(banner.group(1));
		while (link.find()) {
			named.add(link.group(1));
		}
		assertThat(named).as("incidents in the banner").containsAll(keys);
	}

	void assertIncidentPageShowsFailed(String key) throws Exception {
		assertThat(page("/incidents/" + key)).contains(messages.getProperty("notification.failed"),
				messages.getProperty("notification.failedExplain"));
	}

	/** A page as a signed-in administrator's browser gets it. */
	private String page(String path) throws Exception {
		var response = http.send(HttpRequest.newBuilder(node.uri(path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "text/html")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
			.build());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private long count(String path) throws Exception {
		NodeHttp.Answer answer = http.get("admin", path);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json().path("count").asLong();
	}

	interface Probe<T> {
		T value() throws Exception;
	}

	/** Polls until the probe answers non-null, or fails after {@code timeout}. */
	<T> T await(String what, Duration timeout, Probe<T> probe) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			T value = probe.value();
			if (value != null) {
				return value;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what + "; node log: " + node.log());
			}
			Thread.sleep(POLL.toMillis());
		}
	}

	static void sleepUntil(Instant until) throws InterruptedException {
		long millis = Duration.between(Instant.now(), until).toMillis();
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}


	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
