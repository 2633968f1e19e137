package io.firebreak.performance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Declarations over HTTP ({@code POST /api/incidents} as {@code ic}), as people declare: at fixed
 * rates, and all clients at once. A fixed rate is an open loop: each request has its time in the
 * schedule, and its latency counts from that time, so a slow answer delays (and charges) the
 * requests queued behind it instead of hiding them.
 */
final class DeclarationLatency {

	static final double TARGET_P99_MS = 250;
	private static final String IC = "Basic " + Base64.getEncoder().encodeToString("ic:ic".getBytes(StandardCharsets.UTF_8));
	private static final List<String> SERVICES = List.of("checkout", "payments");

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	private final int port;
	private final AtomicInteger declared = new AtomicInteger();
	private final AtomicInteger failed = new AtomicInteger();

	DeclarationLatency(int port) {
		this.port = port;
	}

	/**
	 * Steps through {@code rates} (declarations/s, ascending) with {@code clients} clients sharing the
	 * schedule, {@code seconds} each, until a rate is not held (p99 over the target). Returns every
	 * step and the highest rate held.
	 */
	Map<String, Object> sweep(int clients, List<Integer> rates, double seconds) throws InterruptedException {
		List<Map<String, Object>> steps = new ArrayList<>();
		int highestHeld = 0;
		for (int rate : rates) {
			Latencies latencies = atRate(clients, rate, seconds);
			boolean held = latencies.percentile(99) <= TARGET_P99_MS;
			Map<String, Object> step = new LinkedHashMap<>();
			step.put("rate_per_s", rate);
			step.putAll(latencies.summary());
			step.put("held", held);
			steps.add(step);
			System.out.printf("  %d client(s) at %d/s: p50 %.1f ms, p99 %.1f ms%s%n", clients, rate,
					latencies.percentile(50), latencies.percentile(99), held ? "" : " (not held)");
			if (!held) {
				break;
			}
			highestHeld = rate;
		}
		Map<String, Object> sweep = new LinkedHashMap<>();
		sweep.put("clients", clients);
		sweep.put("seconds_per_rate", seconds);
		sweep.put("highest_rate_held_per_s", highestHeld);
		sweep.put("rates", steps);
		return sweep;
	}

	/** Every client declares back to back, {@code each} times: the queue the issue measured (8 at once). */
	Latencies allAtOnce(int clients, int each) throws InterruptedException {
		Latencies latencies = new Latencies();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			pool.submit(() -> {
				for (int i = 0; i < each; i++) {
					long start = System.nanoTime();
					declare();
					latencies.add(System.nanoTime() - start);
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		return latencies;
	}

	Latencies atRate(int clients, int rate, double seconds) throws InterruptedException {
		Latencies latencies = new Latencies();
		int total = (int) Math.round(rate * seconds);
		long intervalNanos = 1_000_000_000L / rate;
		long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			pool.submit(() -> {
				for (int n = client; n < total; n += clients) {
					long scheduled = start + n * intervalNanos;
					long wait = scheduled - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					declare();
					latencies.add(System.nanoTime() - scheduled);
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		return latencies;
	}

	int declared() {
		return declared.get();
	}

	int failed() {
		return failed.get();
	}

	private void declare() {
		int n = declared.incrementAndGet();
		String body = """
				{"title":"Latency probe %d","summary":"declared by the benchmark","service":"%s","impact":"moderate","urgency":"medium"}"""
			.formatted(n, SERVICES.get(n % SERVICES.size()));
		try {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/incidents"))
				.header("Authorization", IC)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				failed.incrementAndGet();
				System.out.println("  declaration answered " + response.statusCode() + ": " + response.body());
			}
		}
		catch (Exception e) {
			failed.incrementAndGet();
			System.out.println("  declaration failed: " + e);
		}
	}
}
