package io.firebreak.performance;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.firebreak.alert.AlertStormBench;
import io.firebreak.audit.AuditHistoryBench;
import io.firebreak.system.FirebreakNode;

/**
 * What Firebreak costs, in one run on one machine and one database (a benchmark, not a test: it
 * never fails on timing). First the cost per incident against the bare engine running a plan of
 * the same shape ({@link IncidentThroughput}, each system in a JVM of its own); then the packaged
 * jar as its users run it, with mail to a local SMTP server: start-up, declaration latency at
 * fixed rates and all at once, alert to page, the alert storm, the auditor's timings, and resident
 * memory at the end. Prints a table and writes target/bench/results.json.
 * Run: {@code mvn -Pbench verify}; {@code -Dbench.jfr=true} records the jar with Flight Recorder.
 */
public final class PerformanceBench {

	static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
	static final double TARGET_COST_RATIO = 1.5;
	static final double GOAL_COST_RATIO = 1.2;

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args.length > 0 ? args[0] : "target/bench").toAbsolutePath();
		Files.createDirectories(out);
		long began = System.nanoTime();
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("machine", machine());

		if (Boolean.parseBoolean(System.getProperty("bench.throughput", "true"))) {
			JsonNode bare = throughput("bare", out, 0);
			GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			mail.start();
			JsonNode firebreak;
			try {
				firebreak = throughput("firebreak", out, mail.getSmtp().getPort());
				((com.fasterxml.jackson.databind.node.ObjectNode) firebreak).put("mails_received", mail.getReceivedMessages().length);
			}
			finally {
				mail.stop();
			}
			results.put("baseline_incidents_per_s", bare.at("/api/incidents_per_s").asDouble());
			results.put("firebreak_incidents_per_s", firebreak.at("/api/incidents_per_s").asDouble());
			// cost per incident: the CPU time of the system's JVM, without the clients' looking for
			// tasks that are not there yet; throughput as well, which waits and stalls also lower
			results.put("cost_ratio", ratio(firebreak.at("/api/cpu_ms_per_incident_without_empty_polls"),
					bare.at("/api/cpu_ms_per_incident_without_empty_polls")));
			results.put("cost_ratio_http", ratio(firebreak.at("/http/cpu_ms_per_incident_without_empty_polls"),
					bare.at("/http/cpu_ms_per_incident_without_empty_polls")));
			results.put("throughput_ratio", ratio(bare.at("/api/incidents_per_s"), firebreak.at("/api/incidents_per_s")));
			results.put("throughput_ratio_http", ratio(bare.at("/http/incidents_per_s"), firebreak.at("/http/incidents_per_s")));
			results.put("throughput", Map.of("bare", bare, "firebreak", firebreak));
		}
		node(out, results);
		results.put("bench_seconds", Latencies.round((System.nanoTime() - began) / 1e9));
		Files.writeString(out.resolve("results.json"), JSON.writeValueAsString(results));
		System.out.println();
		System.out.println(table(results));
		System.out.println("Written to " + out.resolve("results.json"));
		System.exit(0);
	}

	/** The packaged jar, as {@code java -jar} runs it, on a fresh H2 file database. */
	private static void node(Path out, Map<String, Object> results) throws Exception {
		Path work = out.resolve("node");
		FirebreakNode.deleteWorkDirectory(work);
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		FirebreakNode node = new FirebreakNode("bench-node", work, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + mail.getSmtp().getPort(), "--logging.level.root=WARN");
		if (Boolean.getBoolean("bench.jfr")) {
			node.withJvmOptions("-XX:StartFlightRecording=filename=" + out.resolve("firebreak.jfr") + ",settings=profile");
		}
		try {
			long starting = System.nanoTime();
			node.start();
			results.put("startup_s", Latencies.round((System.nanoTime() - starting) / 1e9));
			System.out.println("Started in " + results.get("startup_s") + " s");
			int port = node.port();

			DeclarationLatency declarations = new DeclarationLatency(port);
			declarations.allAtOnce(4, 25); // warm-up, not measured
			awaitJobsDone(node);
			Map<String, Object> declaring = new LinkedHashMap<>();
			System.out.println("Declaring at fixed rates:");
			double seconds = Double.parseDouble(System.getProperty("bench.secondsPerRate", "6"));
			Map<String, Object> oneClient = declarations.sweep(1, List.of(2, 5, 10, 20, 30, 40), seconds);
			awaitJobsDone(node);
			Map<String, Object> eightClients = declarations.sweep(8, List.of(5, 10, 20, 30, 40, 60), seconds);
			awaitJobsDone(node);
			declaring.put("one_client", oneClient);
			declaring.put("eight_clients", eightClients);
			results.put("declare_rate_held_1_client_per_s", oneClient.get("highest_rate_held_per_s"));
			results.put("declare_rate_held_8_clients_per_s", eightClients.get("highest_rate_held_per_s"));
			Latencies atTenPerSecond = declarations.atRate(8, 10, 10);
			awaitJobsDone(node);
			Latencies atOnce = declarations.allAtOnce(8, 25);
			declaring.put("eight_clients_at_10_per_s", atTenPerSecond.summary());
			declaring.put("eight_clients_at_once", atOnce.summary());
			declaring.put("failed", declarations.failed());
			// 8 people declaring, each at their own pace: 10 declarations a second between them
			results.put("declare_p50_ms", atTenPerSecond.percentile(50));
			results.put("declare_p99_ms", atTenPerSecond.percentile(99));
			// 8 clients declaring back to back, as fast as the node answers: the machine is saturated
			results.put("declare_at_once_p99_ms", atOnce.percentile(99));
			results.put("declaring", declaring);
			System.out.printf("8 clients at 10/s: p50 %.1f ms, p99 %.1f ms; 8 clients at once: p50 %.1f ms, p99 %.1f ms%n",
					atTenPerSecond.percentile(50), atTenPerSecond.percentile(99), atOnce.percentile(50), atOnce.percentile(99));

			awaitJobsDone(node);
			Map<String, Object> alertToPage = new AlertToPage(port, mail).measure(20,
					Double.parseDouble(System.getProperty("bench.alertSeconds", "15")));
			results.put("alert_to_page_p50_ms", alertToPage.get("p50_ms"));
			results.put("alert_to_page_p99_ms", alertToPage.get("p99_ms"));
			results.put("alert_to_page", alertToPage);
			System.out.println("Alert to page: " + alertToPage);

			awaitJobsDone(node);
			results.put("alert_storm", storm(port));
			awaitJobsDone(node);
			results.put("audit", audit(node));
			results.put("rss_mb", residentMegabytes(node.pid()));
			results.put("incidents_at_end", node.http().get("auditor", "/api/incidents").json().size());
		}
		finally {
			node.stop();
			mail.stop();
		}
	}

	/**
	 * Waits until the node has no job due (the pages and notices of the phase before), so that
	 * each phase is measured on its own and not behind the last one's backlog.
	 */
	private static void awaitJobsDone(FirebreakNode node) throws Exception {
		long start = System.nanoTime();
		long deadline = start + 180_000_000_000L;
		long due;
		while ((due = node.http().get("admin", "/engine-rest/job/count?executable=true").json().path("count").asLong()) > 0
				&& System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		System.out.printf("  (%d jobs due; waited %.1f s for the jobs before)%n", due, (System.nanoTime() - start) / 1e9);
	}

	/** The storm of the alert intake issue: new alerts in 100 groups, then every one of them again. */
	private static Map<String, Object> storm(int port) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		int perGroup = Integer.getInteger("bench.stormAlertsPerGroup", 50);
		AlertStormBench.storm(client, port, "warmup", 5, 20);
		Map<String, Object> storm = new LinkedHashMap<>();
		storm.put("storm", AlertStormBench.phase(AlertStormBench.storm(client, port, "storm", 100, perGroup), 100 * perGroup));
		storm.put("repeats", AlertStormBench.phase(AlertStormBench.storm(client, port, "storm", 100, perGroup), 100 * perGroup));
		System.out.println("Alert storm: " + storm);
		return storm;
	}

	/** The audit issue's timings, over the incidents this run declared. */
	private static Map<String, Object> audit(FirebreakNode node) throws Exception {
		JsonNode incidents = node.http().get("auditor", "/api/incidents").json();
		List<String> keys = StreamSupport.stream(incidents.spliterator(), false).map(i -> i.path("key").asText()).toList();
		Map<String, Object> audit = new LinkedHashMap<>();
		audit.put("incidents", keys.size());
		audit.putAll(AuditHistoryBench.timings(node.port(), keys, YearMonth.now(ZoneOffset.UTC)));
		System.out.println("Audit: " + audit);
		return audit;
	}

	/** One system's throughput, in a JVM of its own on this JVM's classpath, so neither warms the other's code. */
	private static JsonNode throughput(String system, Path out, int smtpPort) throws IOException, InterruptedException {
		Path result = out.resolve("throughput-" + system + ".json");
		Files.deleteIfExists(result);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-cp", System.getProperty("java.class.path")));
		System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench."))
			.forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
		if (smtpPort > 0) {
			command.add("-Dbench.smtpPort=" + smtpPort);
		}
		if (Boolean.getBoolean("bench.jfr")) {
			command.add("-XX:StartFlightRecording=filename=" + out.resolve("throughput-" + system + ".jfr") + ",settings=profile");
		}
		command.addAll(List.of(IncidentThroughput.class.getName(), system, result.toString()));
		System.out.println("Throughput of " + system + " ...");
		int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
		if (exit != 0 || !Files.exists(result)) {
			throw new IllegalStateException("the " + system + " throughput run exited with " + exit);
		}
		return JSON.readTree(result.toFile());
	}

	private static double ratio(JsonNode numerator, JsonNode denominator) {
		return Math.round(numerator.asDouble() / denominator.asDouble() * 100) / 100.0;
	}

	static long residentMegabytes(long pid) throws IOException {
		return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
			.filter(line -> line.startsWith("VmRSS:"))
			.map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
			.findFirst()
			.orElse(-1L);
	}

	private static Map<String, Object> machine() throws IOException {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
			.map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown"));
		machine.put("memory_gb", Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
			.map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).findFirst().orElse(0L));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("database", "H2 file, crash-safe commits, history level full, job executor on (as shipped)");
		return machine;
	}

	static String table(Map<String, Object> results) {
		StringBuilder table = new StringBuilder();
		table.append(String.format("%-44s %12s   %s%n", "measure", "value", "target"));
		row(table, results, "baseline_incidents_per_s", "bare engine, incidents/s (Java API)", "");
		row(table, results, "firebreak_incidents_per_s", "Firebreak, incidents/s (Java API)", "");
		row(table, results, "cost_ratio", "cost ratio, CPU per incident (Java API)", "<= " + TARGET_COST_RATIO + " (goal " + GOAL_COST_RATIO + ")");
		row(table, results, "cost_ratio_http", "cost ratio, CPU per incident (HTTP)", "");
		row(table, results, "throughput_ratio", "throughput ratio (Java API)", "");
		row(table, results, "throughput_ratio_http", "throughput ratio (HTTP)", "");
		row(table, results, "declare_p50_ms", "declaring p50, 8 clients, 10/s, ms", "");
		row(table, results, "declare_p99_ms", "declaring p99, 8 clients, 10/s, ms", "<= " + DeclarationLatency.TARGET_P99_MS);
		row(table, results, "declare_at_once_p99_ms", "declaring p99, 8 clients at once, ms", "");
		row(table, results, "declare_rate_held_1_client_per_s", "declarations/s held at p99 <= 250 ms, 1 client", "");
		row(table, results, "declare_rate_held_8_clients_per_s", "declarations/s held at p99 <= 250 ms, 8 clients", "");
		row(table, results, "alert_to_page_p50_ms", "alert to page p50 at 20/s, ms", "");
		row(table, results, "alert_to_page_p99_ms", "alert to page p99 at 20/s, ms", "<= " + AlertToPage.TARGET_P99_MS);
		row(table, results, "startup_s", "start-up, s", "");
		row(table, results, "rss_mb", "resident memory after the run, MB", "");
		row(table, results, "bench_seconds", "this run, s", "< 600");
		return table.toString();
	}

	private static void row(StringBuilder table, Map<String, Object> results, String key, String label, String target) {
		if (results.containsKey(key)) {
			table.append(String.format("%-44s %12s   %s%n", label, results.get(key), target));
		}
	}
}
