package io.firebreak.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.firebreak.alert.AlertFixtures;

/**
 * The work under way when the node is killed: four clients declaring incidents, one alert source
 * declaring through PagerDuty-format triggers, and one person acknowledging pages and assessing
 * incidents through Camunda's REST API. Every answer that says "done" goes into the ledger.
 */
final class CrashTraffic {

	static final int DECLARING_CLIENTS = 4;
	static final Map<String, Object> ASSESSMENT = Map.of("impact", "moderate", "urgency", "medium", "service",
			"checkout", "commander", "ic", "communicationsLead", "comms", "scribe", "oncall2", "customerImpact",
			"Some checkouts fail");

	private final NodeHttp http;
	private final EngineRest engine;
	private final CrashLedger ledger;
	private final int round;
	private final List<Thread> clients = new ArrayList<>();
	private final AtomicInteger declared = new AtomicInteger();
	private final AtomicInteger alerts = new AtomicInteger();
	private final AtomicInteger completed = new AtomicInteger();
	private volatile boolean running = true;

	private CrashTraffic(FirebreakNode node, CrashLedger ledger, int round) {
		this.http = node.http();
		this.engine = new EngineRest(node);
		this.ledger = ledger;
		this.round = round;
	}

	static CrashTraffic start(FirebreakNode node, CrashLedger ledger, int round) {
		CrashTraffic traffic = new CrashTraffic(node, ledger, round);
		for (int c = 0; c < DECLARING_CLIENTS; c++) {
			traffic.client("declare-" + c, traffic::declare);
		}
		traffic.client("alert", traffic::alert);
		traffic.client("work", traffic::work);
		return traffic;
	}

	/** After the kill: the clients' connections are gone, so each stops at its next request. */
	void stop() throws InterruptedException {
		running = false;
		for (Thread client : clients) {
			client.join(70_000);
		}
	}

	int declared() {
		return declared.get();
	}

	int alerts() {
		return alerts.get();
	}

	int completed() {
		return completed.get();
	}

	private interface Step {
		void run() throws Exception;
	}

	private void client(String name, Step step) {
		Thread client = new Thread(() -> {
			try {
				while (running) {
					step.run();
				}
			}
			catch (Exception killed) {
				// the node died under this client's request: no answer, nothing promised
			}
		}, "crash-traffic-" + name);
		client.start();
		clients.add(client);
	}

	private void declare() throws Exception {
		NodeHttp.Answer answer = http.declare("Crash round " + round, "checkout", "moderate", "medium");
		if (answer.status() == 201) {
			ledger.answered(answer.json().path("key").asText());
			declared.incrementAndGet();
		}
		else {
			ledger.refused("declaring answered " + answer.status() + ": " + answer.body());
		}
	}

	private void alert() throws Exception {
		String dedupKey = "crash-" + round + "-" + alerts.get() + "-" + System.nanoTime();
		NodeHttp.Answer answer = http.postRaw("/v2/enqueue", null,
				AlertFixtures.pagerDuty("trigger", dedupKey, "Payments timing out", "critical", "payments"));
		if (answer.status() == 202) {
			ledger.answered(answer.json().path("incident").asText());
			alerts.incrementAndGet();
		}
		else {
			ledger.refused("an alert answered " + answer.status() + ": " + answer.body());
		}
		Thread.sleep(100);
	}

	private void work() throws Exception {
		for (JsonNode task : http.get("admin", "/engine-rest/task?taskDefinitionKey=UserTask_AcknowledgePage&maxResults=2").json()) {
			complete(task, Map.of());
		}
		for (JsonNode task : http.get("admin", "/engine-rest/task?taskDefinitionKey=UserTask_AssessIncident&maxResults=2").json()) {
			complete(task, ASSESSMENT);
		}
		Thread.sleep(50);
	}

	private void complete(JsonNode task, Map<String, Object> values) throws Exception {
		NodeHttp.Answer answer = engine.complete("admin", task, values);
		String taskId = task.path("id").asText();
		if (answer.status() == 204) {
			ledger.completed(taskId);
			completed.incrementAndGet();
		}
		else {
			ledger.refused("completing task " + taskId + " answered " + answer.status() + ": " + answer.body());
		}
	}
}
