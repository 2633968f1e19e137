package io.firebreak.system;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.firebreak.alert.AlertFixtures;
import io.firebreak.postmortem.PostmortemDriver;

/**
 * Steady mixed traffic at a fixed rate, the way a busy team uses Firebreak: a declaration a
 * second, a new alert group every five seconds and news or resends for open groups twice a
 * second, one person working every open task to closed, and ten page views a second. Records
 * each request's latency by kind, and every request that did not succeed.
 */
final class SoakTraffic {

	static final Map<String, Map<String, Object>> TASK_VALUES = Map.ofEntries(
			Map.entry("UserTask_AcknowledgePage", Map.of()),
			Map.entry("UserTask_AssessIncident", CrashTraffic.ASSESSMENT),
			Map.entry("UserTask_ContainIncident", Map.of("containmentActions", "Drained the zone")),
			Map.entry("UserTask_MitigateIncident", Map.of("mitigationActions", "Rolled back")),
			Map.entry("UserTask_VerifyRecovery", Map.of("recovered", true, "recoveryEvidence", "Error rate back to normal")),
			Map.entry("UserTask_ResolveIncident", Map.of("resolutionSummary", "Bad release rolled back")),
			Map.entry("UserTask_ReviewResolvedAlert", Map.of("alertReviewNote", "Seen")),
			// the postmortem (SEV1 and SEV2) and its action items
			Map.entry("UserTask_AssignOwner", Map.of("postmortemOwner", "ic")),
			Map.entry("UserTask_Investigate", Map.of("evidence", "https://grafana.example/d/payments")),
			Map.entry("UserTask_ScheduleReview", Map.of("reviewMeetingAt",
					Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString(), "reviewParticipants",
					List.of("oncall", "comms"))),
			Map.entry("UserTask_ReviewMeeting", PostmortemDriver.review(List.of(PostmortemDriver.ACTION_ITEM))),
			Map.entry("UserTask_ApprovePostmortem", Map.of("postmortemApproved", true)),
			Map.entry("UserTask_CompleteActionItem", Map.of("actionItemOutcome", "done")));

	private final NodeHttp http;
	private final EngineRest engine;
	private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
	private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
	private final List<String> openGroups = Collections.synchronizedList(new ArrayList<>());
	private final AtomicInteger groups = new AtomicInteger();
	private final AtomicInteger news = new AtomicInteger();
	private volatile String lastIncident;

	SoakTraffic(FirebreakNode node) {
		this.http = node.http();
		this.engine = new EngineRest(node);
	}

	void run(Duration duration) throws InterruptedException {
		ScheduledExecutorService clients = Executors.newScheduledThreadPool(5);
		clients.scheduleAtFixedRate(() -> timed("declare", this::declare), 0, 1000, TimeUnit.MILLISECONDS);
		clients.scheduleAtFixedRate(() -> timed("alert: new group", this::newGroup), 0, 5000, TimeUnit.MILLISECONDS);
		clients.scheduleAtFixedRate(() -> timed("alert: news or resend", this::news), 100, 500, TimeUnit.MILLISECONDS);
		clients.scheduleAtFixedRate(this::work, 200, 100, TimeUnit.MILLISECONDS);
		clients.scheduleAtFixedRate(() -> timed("page view", this::view), 50, 100, TimeUnit.MILLISECONDS);
		Thread.sleep(duration.toMillis());
		clients.shutdown();
		clients.awaitTermination(2, TimeUnit.MINUTES);
	}

	/** Forgets the figures of the warm-up. */
	void reset() {
		latencies.clear();
	}

	List<String> errors() {
		synchronized (errors) {
			return List.copyOf(errors);
		}
	}

	int count(String kind) {
		return latencies.getOrDefault(kind, List.of()).size();
	}

	List<String> report() {
		List<String> lines = new ArrayList<>();
		new TreeMap<>(latencies).forEach((kind, nanos) -> {
			List<Long> sorted = new ArrayList<>(nanos);
			Collections.sort(sorted);
			lines.add("%-40s %6d requests  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms".formatted(kind, sorted.size(),
					percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6));
		});
		return lines;
	}

	private interface Request {
		NodeHttp.Answer send() throws Exception;
	}

	private void timed(String kind, Request request) {
		long start = System.nanoTime();
		try {
			NodeHttp.Answer answer = request.send();
			if (answer == null) {
				return;
			}
			latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
				.add(System.nanoTime() - start);
			// The worker lists tasks, then completes them: closing an incident ends its open
			// reviews in between, and that is answered 404 "no longer exists", as to anyone.
			boolean endedMeanwhile = answer.status() == 404 && answer.body().contains("no longer exists");
			if (answer.status() >= 300 && !endedMeanwhile) {
				errors.add(kind + " answered " + answer.status() + ": " + answer.body());
			}
		}
		catch (Exception e) {
			errors.add(kind + " failed: " + e);
		}
	}

	private NodeHttp.Answer declare() throws Exception {
		NodeHttp.Answer answer = http.declare("Soak", "checkout", "moderate", "medium");
		if (answer.status() == 201) {
			lastIncident = answer.json().path("key").asText();
		}
		return answer;
	}

	private NodeHttp.Answer newGroup() throws Exception {
		String group = "soak-" + groups.incrementAndGet();
		openGroups.add(group);
		return alert("trigger", group, "Payments timing out");
	}

	// News for an open group, a resend of what was sent before, or (every tenth) the group's resolve.
	private NodeHttp.Answer news() throws Exception {
		if (openGroups.isEmpty()) {
			return null;
		}
		int n = news.incrementAndGet();
		String group = openGroups.get(ThreadLocalRandom.current().nextInt(openGroups.size()));
		if (n % 10 == 0) {
			openGroups.remove(group);
			return alert("resolve", group, null);
		}
		return alert("trigger", group, "Payments timing out: " + (n % 3 == 0 ? "again" : "news " + n));
	}

	private NodeHttp.Answer alert(String action, String group, String summary) throws Exception {
		return http.postRaw("/v2/enqueue", null, AlertFixtures.pagerDuty(action, group, summary, "error", "payments"));
	}

	private void work() {
		try {
			JsonNode tasks = http.get("admin", "/engine-rest/task?sortBy=created&sortOrder=asc&maxResults=3").json();
			for (JsonNode task : tasks) {
				String definition = task.path("taskDefinitionKey").asText();
				Map<String, Object> values = TASK_VALUES.get(definition);
				if (values == null) {
					errors.add("no values for task " + definition);
					continue;
				}
				timed("complete " + definition, () -> engine.complete("admin", task, values));
			}
		}
		catch (Exception e) {
			errors.add("listing tasks failed: " + e);
		}
	}

	private NodeHttp.Answer view() throws Exception {
		String key = lastIncident;
		return switch (ThreadLocalRandom.current().nextInt(4)) {
			case 0 -> http.page("ic", "/");
			case 1 -> http.get("ic", "/api/incidents?open=true");
			case 2 -> key == null ? null : http.page("ic", "/incidents/" + key);
			default -> key == null ? null : http.get("ic", "/api/incidents/" + key + "/timeline");
		};
	}

	private static double percentile(List<Long> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}
}
