package io.firebreak.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.firebreak.FirebreakApplication;
import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.roster.Roster;

/**
 * The audit and the reports over a year of history (a benchmark, not a test: it never fails on
 * timing). Runs Firebreak in this JVM on an H2 file database and makes 10,000 closed incidents by
 * running the plan (declare, page, acknowledge, assess, contain, mitigate, verify, resolve, with
 * the notices delivered to the outbox), spread over the 12 months before now on the engine clock.
 * The history is kept in target/bench/audit-history and reused while it holds enough incidents.
 * Then, over HTTP as {@code auditor}: one incident's trail ({@code /audit/incidents/{key}.json}),
 * the monthly report ({@code /reports.json} for one month), a month's search export and the
 * verification of every chain. Writes target/bench/audit.json. Run: {@code mvn -Pbench test-compile exec:exec@audit-history}
 * (-Dbench.auditIncidents=N for another size).
 */
public final class AuditHistoryBench {

	static final int INCIDENTS = Integer.getInteger("bench.auditIncidents", 10_000);
	static final int TRAILS = 300;
	static final int REPORTS = 30;
	static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
		Path database = out.toAbsolutePath().resolve("audit-history");
		Files.createDirectories(database);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FirebreakApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + database.resolve("firebreak")
						+ ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000",
				"--camunda.bpm.job-execution.enabled=false", "--firebreak.retention.cron=-",
				"--logging.level.root=WARN")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
			long closed = closedIncidents(jdbc);
			double populateSeconds = 0;
			if (closed < INCIDENTS) {
				long start = System.nanoTime();
				populate(app, (int) (INCIDENTS - closed), now);
				populateSeconds = (System.nanoTime() - start) / 1e9;
				closed = closedIncidents(jdbc);
			}
			ClockUtil.reset();
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			List<String> keys = jdbc.sql("select incident_key from incident where closed_at is not null").query(String.class)
				.list();
			long events = jdbc.sql("select count(*) from timeline_event").query(Long.class).single();
			long historicInstances = app.getBean(ProcessEngine.class).getHistoryService()
				.createHistoricProcessInstanceQuery().count();

			YearMonth month = YearMonth.from(now.minus(Duration.ofDays(60)).atZone(ZoneOffset.UTC));
			Map<String, Object> results = new LinkedHashMap<>();
			results.put("closedIncidents", closed);
			results.put("timelineEvents", events);
			results.put("historicProcessInstances", historicInstances);
			results.put("populateSeconds", Math.round(populateSeconds));
			results.putAll(timings(port, keys, month));
			Files.writeString(out.resolve("audit.json"), JSON.writeValueAsString(results));
			System.out.println(JSON.writeValueAsString(results));
			System.out.println("Written to " + out.resolve("audit.json"));
		}
		System.exit(0);
	}

	/**
	 * Times, over HTTP as {@code auditor}: one incident's trail (random {@code keys}), the report of
	 * {@code month} and of the last 12 months, {@code month}'s search export for {@code oncall} and
	 * the verification of every chain.
	 */
	public static Map<String, Object> timings(int port, List<String> keys, YearMonth month) throws Exception {
		Http http = new Http(port);
		Random random = new Random(12);
		for (int i = 0; i < 50; i++) {
			http.get("/audit/incidents/" + keys.get(random.nextInt(keys.size())) + ".json");
		}
		List<Double> trails = new ArrayList<>();
		int trailLines = 0;
		for (int i = 0; i < TRAILS; i++) {
			Timed timed = http.get("/audit/incidents/" + keys.get(random.nextInt(keys.size())) + ".json");
			trails.add(timed.millis());
			trailLines += timed.body().split("\"source\"").length - 1;
		}
		String monthly = "/reports.json?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
		for (int i = 0; i < 5; i++) {
			http.get(monthly);
		}
		List<Double> reports = new ArrayList<>();
		for (int i = 0; i < REPORTS; i++) {
			reports.add(http.get(monthly).millis());
		}
		List<Double> yearReports = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			yearReports.add(http.get("/reports.json").millis());
		}
		List<Double> searches = new ArrayList<>();
		Timed search = null;
		for (int i = 0; i < 5; i++) {
			search = http.get("/audit/events.csv?person=oncall&month=" + month);
			searches.add(search.millis());
		}
		List<Double> verifications = new ArrayList<>();
		Timed verify = null;
		for (int i = 0; i < 3; i++) {
			verify = http.get("/audit/verify.json");
			verifications.add(verify.millis());
		}

		Map<String, Object> results = new LinkedHashMap<>();
		results.put("trailLinesMean", trailLines / TRAILS);
		results.put("trailP50Millis", percentile(trails, 50));
		results.put("trailP95Millis", percentile(trails, 95));
		results.put("trailP99Millis", percentile(trails, 99));
		results.put("trailP95TargetMillis", 100);
		results.put("monthlyReport", monthly);
		results.put("monthlyReportP50Millis", percentile(reports, 50));
		results.put("monthlyReportP95Millis", percentile(reports, 95));
		results.put("monthlyReportTargetMillis", 1000);
		results.put("twelveMonthReportP50Millis", percentile(yearReports, 50));
		results.put("monthSearchCsvP50Millis", percentile(searches, 50));
		results.put("monthSearchCsvLines", search.body().split("\n").length - 1);
		results.put("verifyAllChainsP50Millis", percentile(verifications, 50));
		results.put("verifyIntact", verify.body().contains("\"intact\":true"));
		return results;
	}

	private static long closedIncidents(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from incident where closed_at is not null").query(Long.class).single();
	}

	/**
	 * Runs {@code count} incidents through the plan, one after another on the engine clock, spread
	 * evenly over the year before {@code now}: SEV3 and SEV4 on checkout and payments, each
	 * acknowledged, contained, mitigated and resolved minutes apart.
	 */
	private static void populate(ConfigurableApplicationContext app, int count, Instant now) {
		ProcessEngine engine = app.getBean(ProcessEngine.class);
		IncidentResponseDriver driver = new IncidentResponseDriver(engine, app.getBean(IncidentDeclarations.class),
				app.getBean(Roster.class));
		Random random = new Random(7);
		Instant first = now.minus(Duration.ofDays(365));
		long spacing = Duration.ofDays(365).toSeconds() / count;
		long started = System.nanoTime();
		for (int n = 0; n < count; n++) {
			Instant at = first.plusSeconds(n * spacing);
			String service = n % 3 == 0 ? "payments" : "checkout";
			String impact = n % 2 == 0 ? "minor" : "moderate";
			String urgency = n % 4 < 2 ? "low" : "medium";
			ClockUtil.setCurrentTime(Date.from(at));
			ProcessInstance incident = driver.declare("Checkout errors " + n, service, impact, urgency, false);
			driver.runDueJobs(incident);
			at = step(at, 1 + random.nextInt(6));
			driver.complete(incident, "UserTask_AcknowledgePage", "oncall", Map.of());
			at = step(at, 1 + random.nextInt(4));
			driver.complete(incident, "UserTask_AssessIncident", "ic", Map.of("impact", impact, "urgency", urgency,
					"service", service, "commander", "ic", "communicationsLead", "comms", "scribe", "oncall2",
					"customerImpact", "Some payments fail"));
			driver.runDueJobs(incident);
			driver.runDeliveries(incident.getBusinessKey());
			at = step(at, 3 + random.nextInt(20));
			driver.complete(incident, "UserTask_ContainIncident", "oncall",
					Map.of("containmentActions", "Drained zone " + random.nextInt(3)));
			at = step(at, 2 + random.nextInt(20));
			driver.complete(incident, "UserTask_MitigateIncident", "oncall", Map.of("mitigationActions", "Rolled back"));
			at = step(at, 1 + random.nextInt(5));
			driver.complete(incident, "UserTask_VerifyRecovery", "ic",
					Map.of("recovered", true, "recoveryEvidence", "Error rate back to baseline"));
			at = step(at, 1 + random.nextInt(5));
			driver.complete(incident, "UserTask_ResolveIncident", "ic", Map.of("resolutionSummary", "Rolled back"));
			driver.runDueJobs(incident);
			driver.runDeliveries(incident.getBusinessKey());
			if ((n + 1) % 500 == 0) {
				double seconds = (System.nanoTime() - started) / 1e9;
				System.out.printf("%d incidents in %.0f s (%.1f/s)%n", n + 1, seconds, (n + 1) / seconds);
			}
		}
	}

	private static Instant step(Instant at, int minutes) {
		Instant next = at.plus(Duration.ofMinutes(minutes));
		ClockUtil.setCurrentTime(Date.from(next));
		return next;
	}

	/** Nearest rank: the value that {@code p} per cent of the samples do not exceed, to 0.1. */
	public static double percentile(List<Double> values, int p) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
	}

	record Timed(double millis, String body) {
	}

	record Http(int port) {

		static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		static final String AUDITOR = "Basic "
				+ Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8));

		Timed get(String path) throws Exception {
			long start = System.nanoTime();
			HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", AUDITOR).GET().build(), HttpResponse.BodyHandlers.ofString());
			double millis = (System.nanoTime() - start) / 1e6;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			return new Timed(millis, response.body());
		}
	}
}
