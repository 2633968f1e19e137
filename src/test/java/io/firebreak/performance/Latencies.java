package io.firebreak.performance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latencies of one measured phase, in milliseconds, and what the benchmark reports of them. */
final class Latencies {

	private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

	void add(long nanos) {
		millis.add(nanos / 1e6);
	}

	int count() {
		return millis.size();
	}

	/** Nearest-rank percentile: the value that {@code p} per cent of the samples do not exceed. */
	double percentile(double p) {
		List<Double> sorted;
		synchronized (millis) {
			sorted = new ArrayList<>(millis);
		}
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return round(sorted.get(Math.max(0, rank - 1)));
	}

	Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("count", count());
		summary.put("p50_ms", percentile(50));
		summary.put("p99_ms", percentile(99));
		summary.put("max_ms", percentile(100));
		return summary;
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
