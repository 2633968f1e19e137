package io.firebreak.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a drill went: for each step the scenario set a target for, the time from declaration to the
 * step against the target, and who took part. Computed from the incident record, so a running
 * drill's card fills in as the team works.
 */
public record DrillScorecard(Drill drill, String incidentStatus, String severity, List<Step> steps,
		List<Participant> participants) {

	public enum Result {
		/** Reached within the target. */
		MET,
		/** Reached late, or not reached by the target (or by the drill's end). */
		MISSED,
		/** Not reached yet, and the target is not yet past. */
		PENDING
	}

	/** One timed step: acknowledge, contain or mitigate. {@code actual} is null until it is reached. */
	public record Step(String name, Duration target, Duration actual, Result result) {

		/**
		 * The step's result at {@code now}: met or missed once reached; missed once the target is past
		 * or the drill has ended without it; pending otherwise.
		 */
		public static Step of(String name, Duration target, Instant declaredAt, Instant reachedAt, Instant now,
				boolean ended) {
			if (reachedAt != null) {
				Duration actual = Duration.between(declaredAt, reachedAt);
				return new Step(name, target, actual, actual.compareTo(target) <= 0 ? Result.MET : Result.MISSED);
			}
			boolean targetPast = now.isAfter(declaredAt.plus(target));
			return new Step(name, target, null, ended || targetPast ? Result.MISSED : Result.PENDING);
		}

		/** Ahead of the target (negative) or behind it (positive); null until reached. */
		public Duration margin() {
			return actual == null ? null : actual.minus(target);
		}

		/** The times as a person reads them: "5 min", "1 h 2 min", "-30 s" (ahead), "–" (not reached). */
		public String targetText() {
			return DrillDurations.text(target);
		}

		public String actualText() {
			return DrillDurations.text(actual);
		}

		public String marginText() {
			return DrillDurations.text(margin());
		}
	}

	/** A person who held a role in the drill or worked one of its steps. */
	public record Participant(String person, String name, List<String> roles) {
	}

	public long met() {
		return steps.stream().filter(step -> step.result() == Result.MET).count();
	}

	public boolean scored() {
		return drill.scoredAt() != null;
	}

	/** "2 of 3 targets met", the card's headline. */
	public String score() {
		return met() + " of " + steps.size() + " targets met";
	}
}
