package io.firebreak.performance;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.firebreak.FirebreakApplication;
import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.performance.bare.BareEngineApplication;
import io.firebreak.roster.Roster;

/**
 * The cost per incident of Firebreak against a bare Camunda engine running a plan of the same shape
 * (issue 15; a benchmark, not a test: it never fails on timing). Runs one system in this JVM, so
 * that each gets a fresh JVM and its process CPU time is its own:
 * <ul>
 * <li>{@code bare}: {@link BareEngineApplication} with {@link BaselinePlan};</li>
 * <li>{@code firebreak}: Firebreak as shipped (H2 file database, job executor on, every delegate,
 * listener, record, validation and notification), its mail delivered over SMTP to a GreenMail
 * server in this JVM.</li>
 * </ul>
 * Both are driven the same way ({@link ThroughputRun}, {@link TaskPlaybook}): a SEV2 incident per
 * start, worked from the page to the published postmortem; after a warm-up through both (not
 * measured), first through the Java API, then over HTTP. Writes the results to {@code args[1]} as
 * JSON.
 * <p>
 * Run: {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * io.firebreak.performance.IncidentThroughput bare|firebreak target/bench/throughput-bare.json};
 * {@code -Dbench.throughputClients} (4), {@code -Dbench.throughputSeconds} (30) and
 * {@code -Dbench.throughputWarmupSeconds} (8, per channel, all before the first measurement) change the run.
 */
public final class IncidentThroughput {

	static final int CLIENTS = Integer.getInteger("bench.throughputClients", 4);
	static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.throughputSeconds", 30));
	static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.throughputWarmupSeconds", 8));
	// as in application.yaml, for both systems
	public static final String H2_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256";
	static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	public static void main(String[] args) throws Exception {
		if (args.length < 2 || !List.of("bare", "firebreak").contains(args[0])) {
			System.err.println("usage: IncidentThroughput bare|firebreak <results.json>");
			System.exit(2);
		}
		String system = args[0];
		Path results = Path.of(args[1]);
		Path directory = results.toAbsolutePath().getParent().resolve("throughput-" + system);
		FileSystemUtils.deleteRecursively(directory);
		Files.createDirectories(directory);

		Map<String, Object> measured = system.equals("bare") ? bare(directory) : firebreak(directory);
		Files.writeString(results, JSON.writeValueAsString(measured));
		System.out.println(summary(measured));
		System.out.println("Written to " + results);
		System.exit(0);
	}

	/** The bare engine: the baseline plan started with what Firebreak's code would have given it. */
	static Map<String, Object> bare(Path directory) throws Exception {
		long startup = System.nanoTime();
		try (ConfigurableApplicationContext app = BareEngineApplication.start(directory)) {
			double startupSeconds = (System.nanoTime() - startup) / 1e9;
			ProcessEngine engine = app.getBean(ProcessEngine.class);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			IncidentChannel api = new EngineApiChannel(engine, (unused, n) -> {
				String key = "BASE-" + n;
				engine.getRuntimeService().createProcessInstanceByKey(BaselinePlan.PROCESS_ID).businessKey(key)
					.setVariables(startVariables(key)).execute();
				return key;
			}, null);
			IncidentChannel http = new EngineRestChannel(port, false, (rest, n) -> {
				String key = "BASE-" + n;
				EngineRestChannel.json(rest.send(null, "POST",
						"/engine-rest/process-definition/key/" + BaselinePlan.PROCESS_ID + "/start",
						Map.of("businessKey", key, "variables", EngineRestChannel.variables(startVariables(key)))), 200);
				return key;
			});
			Map<String, Object> results = header("bare", startupSeconds);
			results.put("baseline_changes", BaselinePlan.fromClasspath().changes().size());
			AtomicInteger numbers = new AtomicInteger();
			results.putAll(run(List.of(api, http), engine, numbers, Map.of()));
			return results;
		}
	}

	/**
	 * Firebreak as shipped, in this JVM: command-line arguments (they outrank application.yaml) give
	 * it a fresh H2 file database, any free port and an SMTP server, so that every notice is sent as
	 * mail (without spring.mail.host Firebreak has no mail sender and only captures notices).
	 */
	static Map<String, Object> firebreak(Path directory) throws Exception {
		// PerformanceBench runs the SMTP server in its own JVM, so that its work is not counted as Firebreak's
		Integer outsideSmtp = Integer.getInteger("bench.smtpPort");
		GreenMail smtp = outsideSmtp != null ? null
				: new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		if (smtp != null) {
			smtp.start();
		}
		int smtpPort = smtp != null ? smtp.getSmtp().getPort() : outsideSmtp;
		long startup = System.nanoTime();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FirebreakApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("firebreak") + H2_OPTIONS,
				"--logging.level.root=WARN", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtpPort)) {
			double startupSeconds = (System.nanoTime() - startup) / 1e9;
			ProcessEngine engine = app.getBean(ProcessEngine.class);
			IncidentDeclarations declarations = app.getBean(IncidentDeclarations.class);
			Roster roster = app.getBean(Roster.class);
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			// declared by the incident commander, signed in with the roster's groups
			IncidentChannel api = new EngineApiChannel(engine, (signedIn, n) -> signedIn.as("ic",
					() -> declarations.declare(IncidentDeclaration.of("Checkout errors " + n, "what we see", "checkout",
							TaskPlaybook.IMPACT, TaskPlaybook.URGENCY, null, false)).value()),
					user -> roster.person(user).orElseThrow().groups());
			IncidentChannel http = new EngineRestChannel(port, true, (rest, n) -> EngineRestChannel
				.json(rest.send("ic", "POST", "/api/incidents",
						Map.of("title", "Checkout errors " + n, "summary", "what we see", "service", "checkout",
								"impact", TaskPlaybook.IMPACT, "urgency", TaskPlaybook.URGENCY)), 201)
				.path("key").asText());
			Map<String, Object> results = header("firebreak", startupSeconds);
			AtomicInteger numbers = new AtomicInteger();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			// a mail arrives once per recipient; a notification is one notice to one audience's channel
			Map<String, LongSupplier> delivered = new LinkedHashMap<>();
			if (smtp != null) {
				delivered.put("mails_received", () -> smtp.getReceivedMessages().length);
			}
			delivered.put("notifications_sent", () -> jdbc.sql("select count(*) from notification where status = 'SENT'")
				.query(Long.class).single());
			results.putAll(run(List.of(api, http), engine, numbers, delivered));
			// the proof that notices went out as mail, not captured or failed
			results.put("notifications_by_status", jdbc.sql("select status, count(*) from notification group by status")
				.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
				.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
			if (smtp != null) {
				results.put("mails_received", smtp.getReceivedMessages().length);
			}
			return results;
		}
		finally {
			if (smtp != null) {
				smtp.stop();
			}
		}
	}

	/**
	 * Warms up through every channel first (the JIT compiles what each needs: the first channel
	 * measured would otherwise pay for the warming of both), then measures each in turn.
	 */
	static Map<String, Object> run(List<IncidentChannel> channels, ProcessEngine engine, AtomicInteger numbers,
			Map<String, LongSupplier> counters) throws Exception {
		Map<String, ThroughputRun> runs = new LinkedHashMap<>();
		for (IncidentChannel channel : channels) {
			runs.put(channel.mode(), new ThroughputRun(channel, new TaskPlaybook(), engine.getManagementService(), CLIENTS,
					numbers, counters));
		}
		for (Map.Entry<String, ThroughputRun> run : runs.entrySet()) {
			System.out.printf("%s: warm-up %d s, %d clients%n", run.getKey(), WARMUP.toSeconds(), CLIENTS);
			run.getValue().warmUp(WARMUP);
		}
		Map<String, Object> results = new LinkedHashMap<>();
		for (Map.Entry<String, ThroughputRun> run : runs.entrySet()) {
			System.out.printf("%s: %d s measured, %d clients%n", run.getKey(), WINDOW.toSeconds(), CLIENTS);
			Map<String, Object> result = run.getValue().measure(WINDOW);
			result.put("failed_jobs", engine.getManagementService().createJobQuery().withException().count());
			result.put("engine_incidents", engine.getRuntimeService().createIncidentQuery().count());
			System.out.println(run.getKey() + ": " + result);
			results.put(run.getKey(), result);
		}
		return results;
	}

	static Map<String, Object> startVariables(String key) {
		return BaselinePlan.startVariables(key, TaskPlaybook.IMPACT, TaskPlaybook.URGENCY, TaskPlaybook.SEVERITY,
				TaskPlaybook.ACK_TIMEOUT);
	}

	static Map<String, Object> header(String system, double startupSeconds) {
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("system", system);
		results.put("measuredAt", Instant.now().toString());
		results.put("path", "SEV2 (" + TaskPlaybook.IMPACT + " x " + TaskPlaybook.URGENCY + "): page, acknowledge, assess,"
				+ " contain, mitigate, verify recovery, resolve, postmortem (assign owner, investigate, schedule review,"
				+ " review meeting without action items, approve, publish, share), closed");
		results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
				System.getProperty("java.version"), "database", "H2 file, history level full, job executor on"));
		results.put("startup_s", Math.round(startupSeconds * 10) / 10.0);
		return results;
	}

	@SuppressWarnings("unchecked")
	static String summary(Map<String, Object> results) {
		StringBuilder line = new StringBuilder(String.valueOf(results.get("system")));
		for (String mode : List.of("api", "http")) {
			Map<String, Object> result = (Map<String, Object>) results.get(mode);
			line.append(String.format(" | %s: %s incidents/s, %s cpu ms/incident, p50 %s ms, p99 %s ms (%s incidents)",
					mode, result.get("incidents_per_s"), result.get("cpu_ms_per_incident"), result.get("latency_p50_ms"),
					result.get("latency_p99_ms"), result.get("incidents")));
		}
		return line.toString();
	}

	static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
