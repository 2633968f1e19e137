package io.firebreak.report;

import java.time.Duration;
import java.util.List;

/**
 * The median and the 90th percentile of some incidents' times, in whole seconds, by the
 * nearest-rank method: sort the n times ascending; the p-th percentile is the time at rank
 * ⌈p/100 × n⌉ (1-based). It is always one of the measured times, never interpolated between two,
 * so p50 of 1, 2, 3, 4 minutes is 2 minutes and p90 of fewer than ten times is the longest.
 * {@code count} is n; both percentiles are null when no incident reached the milestone.
 */
record Percentiles(int count, Long p50Seconds, Long p90Seconds) {

	static final Percentiles NONE = new Percentiles(0, null, null);

	static Percentiles of(List<Duration> times) {
		if (times.isEmpty()) {
			return NONE;
		}
		long[] seconds = times.stream().mapToLong(Duration::toSeconds).sorted().toArray();
		return new Percentiles(seconds.length, nearestRank(seconds, 50), nearestRank(seconds, 90));
	}

	/** The {@code percent}-th percentile of {@code sorted} (ascending, not empty) by nearest rank. */
	static long nearestRank(long[] sorted, int percent) {
		// ⌈percent × n / 100⌉ in integers: no floating point to round 0.9 × 10 up to rank 10
		int rank = (percent * sorted.length + 99) / 100;
		return sorted[Math.max(rank, 1) - 1];
	}

	/** The median as the page shows it: 4m 10s, 2h 05m, 3d 04h; a dash when there is none. */
	public String p50Text() {
		return text(p50Seconds);
	}

	public String p90Text() {
		return text(p90Seconds);
	}

	static String text(Long seconds) {
		if (seconds == null) {
			return "—";
		}
		long s = seconds;
		if (s < 60) {
			return s + "s";
		}
		if (s < 3600) {
			return "%dm %02ds".formatted(s / 60, s % 60);
		}
		if (s < 86_400) {
			return "%dh %02dm".formatted(s / 3600, s % 3600 / 60);
		}
		return "%dd %02dh".formatted(s / 86_400, s % 86_400 / 3600);
	}
}
