package io.firebreak.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.firebreak.FirebreakApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Alert storm (a benchmark, not a test: it never fails on timing). Starts Firebreak as it runs in
 * production here (H2 file database, job executor on, demo roster), then 8 clients post 10,000
 * Alertmanager notifications of one new alert each, in 100 groups: the first of each group
 * declares, the rest are new alerts for an open incident. Then every notification is sent again,
 * as Alertmanager repeats them. Writes target/bench/alert-storm.json. Run: {@code mvn -Pbench package exec:exec@alert-storm}.
 */
public final class AlertStormBench {

	public record Sent(String phase, String result, long nanos, int status) {
	}

	static final int GROUPS = Integer.getInteger("bench.groups", 100);
	static final int ALERTS_PER_GROUP = Integer.getInteger("bench.alertsPerGroup", 100);
	static final int CLIENTS = Integer.getInteger("bench.clients", 8);
	static final int WARMUP_GROUPS = 5;

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
		FileSystemUtils.deleteRecursively(out.resolve("db"));
		Files.createDirectories(out);
		// command-line arguments, because they outrank application.yaml (default properties do not)
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FirebreakApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + out.toAbsolutePath().resolve("db/firebreak") + h2Options(),
				"--logging.level.root=WARN", System.getProperty("bench.extraArg", "--bench.extra=none"))) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			storm(client, port, "warmup", WARMUP_GROUPS, 40);
			List<Sent> storm = storm(client, port, "storm", GROUPS, ALERTS_PER_GROUP);
			List<Sent> repeats = storm(client, port, "storm", GROUPS, ALERTS_PER_GROUP);
			long incidents = app.getBean(JdbcClient.class)
				.sql("select count(*) from incident where declared_by = 'alertmanager' and title like 'Storm%'")
				.query(Long.class).single();
			Map<String, Object> results = results(storm, repeats, incidents);
			results.put("retriedTransactions", app.getBean(MeterRegistry.class).find("firebreak.alerts.retried").counters()
				.stream().mapToDouble(Counter::count).sum());
			new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("alert-storm.json").toFile(), results);
			System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
			System.out.println("Written to " + out.resolve("alert-storm.json"));
			if (incidents != GROUPS) {
				System.out.println("WRONG: " + incidents + " incidents for " + GROUPS + " groups");
				System.exit(1);
			}
		}
		System.exit(0);
	}

	// As shipped (crash-safe commits), unless -Dbench.h2Options names a WRITE_DELAY of its own.
	static String h2Options() {
		String options = System.getProperty("bench.h2Options", "");
		return (options.contains("WRITE_DELAY") ? "" : ";WRITE_DELAY=0") + options;
	}

	/** Round-robin over the groups, so that declarations and appends are interleaved as in a real storm. */
	public static List<Sent> storm(HttpClient client, int port, String prefix, int groups, int perGroup) throws Exception {
		ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
		for (int alert = 0; alert < perGroup; alert++) {
			for (int group = 0; group < groups; group++) {
				queue.add(notification(prefix, group, alert));
			}
		}
		List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			clients.submit(() -> {
				for (byte[] body; (body = queue.poll()) != null;) {
					long t0 = System.nanoTime();
					try {
						HttpResponse<String> response = client.send(HttpRequest
							.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/alertmanager"))
							.header("Authorization", "Bearer " + AlertFixtures.DEMO_KEY)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
						String result = AlertHttp.JSON.readTree(response.body()).path("status").asText("error");
						sent.add(new Sent(prefix, result, System.nanoTime() - t0, response.statusCode()));
					}
					catch (Exception e) {
						sent.add(new Sent(prefix, "error", System.nanoTime() - t0, 0));
					}
				}
				return null;
			});
		}
		clients.shutdown();
		clients.awaitTermination(1, TimeUnit.HOURS);
		long elapsed = System.nanoTime() - start;
		sent.add(new Sent("elapsed", "elapsed", elapsed, 0));
		return sent;
	}

	static byte[] notification(String prefix, int group, int alert) {
		String name = prefix.substring(0, 1).toUpperCase() + prefix.substring(1) + "Group" + group;
		String severity = group % 3 == 0 ? "critical" : "warning";
		String service = List.of("checkout", "payments", "identity").get(group % 3);
		return """
				{"receiver":"firebreak","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"%1$s",\
				"instance":"host-%2$d","service":"%3$s","severity":"%4$s"},"annotations":{"summary":"Errors on host-%2$d"},\
				"startsAt":"2026-01-01T00:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"%5$s"}],\
				"groupLabels":{"alertname":"%1$s"},"commonLabels":{"alertname":"%1$s","service":"%3$s","severity":"%4$s"},\
				"commonAnnotations":{},"externalURL":"http://alertmanager.example","version":"4",\
				"groupKey":"{}:{alertname=\\"%1$s\\"}","truncatedAlerts":0}"""
			.formatted(name, alert, service, severity, "%016x".formatted(group * 100_000L + alert))
			.getBytes(StandardCharsets.UTF_8);
	}

	static Map<String, Object> results(List<Sent> storm, List<Sent> repeats, long incidents) {
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("measuredAt", Instant.now().toString());
		results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
				System.getProperty("java.version"), "database", "H2 file, history level full, job executor on"));
		results.put("storm", phase(storm, GROUPS * ALERTS_PER_GROUP));
		results.put("repeats", phase(repeats, GROUPS * ALERTS_PER_GROUP));
		results.put("incidents", incidents);
		results.put("groups", GROUPS);
		results.put("clients", CLIENTS);
		results.put("targets", Map.of("repeatAlertsPerSecond", 1000, "declaringP99Millis", 250));
		return results;
	}

	public static Map<String, Object> phase(List<Sent> sent, int expected) {
		long elapsed = sent.stream().filter(s -> s.phase().equals("elapsed")).findFirst().orElseThrow().nanos();
		List<Sent> posts = sent.stream().filter(s -> !s.phase().equals("elapsed")).toList();
		Map<String, Object> phase = new LinkedHashMap<>();
		phase.put("alerts", posts.size());
		phase.put("accepted", posts.stream().filter(s -> s.status() == 202).count());
		phase.put("seconds", round(elapsed / 1e9));
		phase.put("alertsPerSecond", round(expected / (elapsed / 1e9)));
		for (String result : List.of("declared", "appended", "duplicate", "error")) {
			List<Long> nanos = posts.stream().filter(s -> s.result().equals(result)).map(Sent::nanos).sorted().toList();
			if (!nanos.isEmpty()) {
				phase.put(result, Map.of("count", nanos.size(), "p50Millis", millis(nanos, 0.50), "p90Millis",
						millis(nanos, 0.90), "p99Millis", millis(nanos, 0.99), "maxMillis", millis(nanos, 1.0)));
			}
		}
		return phase;
	}

	private static double millis(List<Long> sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.size()) - 1;
		return round(sorted.get(Math.max(0, index)) / 1e6);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
