package io.firebreak.drill;

import java.time.Duration;
import java.util.List;

/**
 * A rehearsed incident from {@code config/scenarios.yaml}: what is declared, through which plan,
 * what happens later in the drill, and how fast the team should be.
 */
public record DrillScenario(String id, String title, String summary, String plan, String service, String impact,
		String urgency, String type, List<String> alerts, List<Inject> injects, Targets targets, boolean scheduled) {

	/** Something that happens {@code at} after the drill starts: the responders are told, alerts may fire. */
	public record Inject(Duration at, String text, List<String> alerts) {
	}

	/** How long after the declaration the team should have acknowledged, contained and mitigated. */
	public record Targets(Duration acknowledge, Duration contain, Duration mitigate) {
	}
}
