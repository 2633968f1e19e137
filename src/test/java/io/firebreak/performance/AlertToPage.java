package io.firebreak.performance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import io.firebreak.alert.AlertFixtures;
import io.firebreak.system.NodeHttp;
import io.firebreak.system.ReceivedMail;

/**
 * From the Alertmanager webhook POST of a new alert group until the local SMTP server has accepted
 * the page to the on-call responder: at a fixed rate, each alert a group of its own, so each one
 * declares an incident and pages. The SMTP server's inbox is watched every few milliseconds; a
 * page counts when it is first seen there.
 */
final class AlertToPage {

	static final double TARGET_P99_MS = 1000;
	private static final long WATCH_INTERVAL_NANOS = 2_000_000;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final int port;
	private final GreenMail mail;

	AlertToPage(int port, GreenMail mail) {
		this.port = port;
		this.mail = mail;
	}

	Map<String, Object> measure(int rate, double seconds) throws Exception {
		mail.purgeEmailFromAllMailboxes();
		int total = (int) Math.round(rate * seconds);
		Map<String, Long> postedAt = new ConcurrentHashMap<>();
		Map<String, Long> pagedAt = new ConcurrentHashMap<>();
		Thread watcher = new Thread(() -> watchPages(pagedAt), "page-watcher");
		watcher.setDaemon(true);
		watcher.start();
		long intervalNanos = 1_000_000_000L / rate;
		long start = System.nanoTime() + 50_000_000L;
		// enough senders that a slow answer never holds back the next alert's time in the schedule
		ExecutorService senders = Executors.newFixedThreadPool(16);
		int[] failures = new int[1];
		for (int n = 0; n < total; n++) {
			long scheduled = start + n * intervalNanos;
			int alert = n;
			senders.submit(() -> {
				LockSupport.parkNanos(scheduled - System.nanoTime());
				long posted = System.nanoTime();
				String incident = post(alert);
				if (incident == null) {
					synchronized (failures) {
						failures[0]++;
					}
				}
				else {
					postedAt.put(incident, posted);
				}
			});
		}
		senders.shutdown();
		senders.awaitTermination(5, TimeUnit.MINUTES);
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (!pagedAt.keySet().containsAll(postedAt.keySet()) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		watcher.interrupt();
		Latencies latencies = new Latencies();
		postedAt.forEach((incident, posted) -> {
			Long paged = pagedAt.get(incident);
			if (paged != null) {
				latencies.add(paged - posted);
			}
		});
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("rate_per_s", rate);
		result.put("alerts", total);
		result.put("failed_posts", failures[0]);
		result.put("pages_missing_after_60s", postedAt.size() - latencies.count());
		result.putAll(latencies.summary());
		return result;
	}

	private void watchPages(Map<String, Long> pagedAt) {
		Set<MimeMessage> seen = new HashSet<>();
		while (!Thread.currentThread().isInterrupted()) {
			long now = System.nanoTime();
			for (MimeMessage message : mail.getReceivedMessages()) {
				if (seen.add(message)) {
					String id = ReceivedMail.header(message, "Message-ID");
					if (id != null && id.contains(".page.0@")) {
						pagedAt.putIfAbsent(ReceivedMail.header(message, "X-Firebreak-Incident"), now);
					}
				}
			}
			LockSupport.parkNanos(WATCH_INTERVAL_NANOS);
		}
	}

	/** One new alert group; returns the incident it declared, or null when it did not. */
	private String post(int alert) {
		String name = "PageLatency" + alert + "x" + System.nanoTime();
		String body = """
				{"receiver":"firebreak","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"%1$s",\
				"service":"checkout","severity":"critical"},"annotations":{"summary":"Checkout errors"},\
				"startsAt":"2026-01-01T00:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"%1$s"}],\
				"groupLabels":{"alertname":"%1$s"},"commonLabels":{"alertname":"%1$s","service":"checkout","severity":"critical"},\
				"commonAnnotations":{},"externalURL":"http://alertmanager.example","version":"4",\
				"groupKey":"{}:{alertname=\\"%1$s\\"}","truncatedAlerts":0}""".formatted(name);
		try {
			HttpResponse<String> response = client.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/alertmanager"))
				.header("Authorization", "Bearer " + AlertFixtures.DEMO_KEY)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
			String incident = NodeHttp.JSON.readTree(response.body()).path("incident").asText(null);
			if (response.statusCode() != 202 || incident == null) {
				System.out.println("  alert answered " + response.statusCode() + ": " + response.body());
				return null;
			}
			return incident;
		}
		catch (Exception e) {
			System.out.println("  alert failed: " + e);
			return null;
		}
	}
}
