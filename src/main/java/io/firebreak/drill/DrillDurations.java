package io.firebreak.drill;

import java.time.Duration;

/** Durations as a scorecard reads them: "4 min 30 s", "1 h 5 min", "–" for a step not reached. */
public final class DrillDurations {

	private DrillDurations() {
	}

	public static String text(Duration duration) {
		if (duration == null) {
			return "–";
		}
		String sign = duration.isNegative() ? "-" : "";
		Duration positive = duration.abs();
		long hours = positive.toHours();
		int minutes = positive.toMinutesPart();
		int seconds = positive.toSecondsPart();
		StringBuilder text = new StringBuilder(sign);
		if (hours > 0) {
			text.append(hours).append(" h");
		}
		if (minutes > 0) {
			text.append(text.length() > sign.length() ? " " : "").append(minutes).append(" min");
		}
		if (seconds > 0 || text.length() == sign.length()) {
			text.append(text.length() > sign.length() ? " " : "").append(seconds).append(" s");
		}
		return text.toString();
	}
}
