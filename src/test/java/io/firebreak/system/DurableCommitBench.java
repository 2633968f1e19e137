package io.firebreak.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What the crash-safe H2 default costs a declaration (a benchmark, not a test: it never fails on
 * timing). Runs Firebreak's jar twice on a fresh H2 file database: once as shipped
 * ({@code WRITE_DELAY=0}: each commit is in the file before it is answered), once with H2's own
 * default (commits written up to a second later). Each run declares incidents over HTTP, first
 * one client at a time (the cost of one declaration), then eight at once (throughput). Writes
 * target/bench/durable-commit.json. Run: {@code mvn -Pbench package exec:exec@durable-commit}.
 */
public final class DurableCommitBench {

	static final int WARMUP = 150;
	static final int SEQUENTIAL = 400;
	static final int CONCURRENT = 800;
	static final int CLIENTS = 8;

	public static void main(String[] args) throws Exception {
		Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
		Map<String, Object> shipped = run(out.resolve("durable-shipped"), null);
		Map<String, Object> lazy = run(out.resolve("durable-h2-default"),
				"jdbc:h2:file:./data/firebreak;DB_CLOSE_ON_EXIT=FALSE");
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("crash-safe (WRITE_DELAY=0, as shipped)", shipped);
		results.put("H2 default (commits written up to 1 s later)", lazy);
		results.put("costRatioPerDeclaration", Math.round(
				(double) shipped.get("sequentialMeanMillis") / (double) lazy.get("sequentialMeanMillis") * 100) / 100.0);
		String json = NodeHttp.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results);
		Files.createDirectories(out);
		Files.writeString(out.resolve("durable-commit.json"), json);
		System.out.println(json);
		System.out.println("Written to " + out.resolve("durable-commit.json"));
		System.exit(0);
	}

	static Map<String, Object> run(Path work, String datasourceUrl) throws Exception {
		FileSystemUtils.deleteRecursively(work);
		List<String> arguments = new ArrayList<>(List.of("--logging.level.root=WARN"));
		if (datasourceUrl != null) {
			arguments.add("--spring.datasource.url=" + datasourceUrl);
		}
		try (FirebreakNode node = new FirebreakNode("bench", work, arguments.toArray(String[]::new)).start()) {
			NodeHttp http = node.http();
			for (int i = 0; i < WARMUP; i++) {
				declare(http);
			}
			List<Long> sequential = new ArrayList<>();
			for (int i = 0; i < SEQUENTIAL; i++) {
				sequential.add(declare(http));
			}
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			List<Future<Long>> concurrent = new ArrayList<>();
			long start = System.nanoTime();
			for (int i = 0; i < CONCURRENT; i++) {
				concurrent.add(clients.submit(() -> declare(http)));
			}
			List<Long> latencies = new ArrayList<>();
			for (Future<Long> latency : concurrent) {
				latencies.add(latency.get());
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			clients.shutdown();
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("sequentialMeanMillis", Math.round(sequential.stream().mapToLong(Long::longValue).average()
				.orElseThrow() / 1e4) / 100.0);
			figures.put("sequentialP50Millis", percentile(sequential, 50));
			figures.put("sequentialP99Millis", percentile(sequential, 99));
			figures.put("concurrentDeclarationsPerSecond", Math.round(CONCURRENT / seconds * 10) / 10.0);
			figures.put("concurrentP99Millis", percentile(latencies, 99));
			return figures;
		}
	}

	static long declare(NodeHttp http) throws Exception {
		long start = System.nanoTime();
		NodeHttp.Answer answer = http.declare("Bench", "checkout", "moderate", "medium");
		if (answer.status() != 201) {
			throw new IllegalStateException("declaring answered " + answer.status() + ": " + answer.body());
		}
		return System.nanoTime() - start;
	}

	static double percentile(List<Long> nanos, int percent) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return Math.round(sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1)) / 1e4) / 100.0;
	}
}
