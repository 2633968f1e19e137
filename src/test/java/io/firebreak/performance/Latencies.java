package io.firebreak.performance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.firebreak.audit.AuditHistoryBench;

/** Latencies of one measured phase, in milliseconds, and what the benchmark reports of them. */
final class Latencies {

	private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

	void add(long nanos) {
		millis.add(nanos / 1e6);
	}

	int count() {
		return millis.size();
	}

	/** As the audit benchmark counts them ({@link AuditHistoryBench#percentile}); NaN without samples. */
	double percentile(int p) {
		List<Double> samples;
		synchronized (millis) {
			samples = new ArrayList<>(millis);
		}
		return samples.isEmpty() ? Double.NaN : AuditHistoryBench.percentile(samples, p);
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
