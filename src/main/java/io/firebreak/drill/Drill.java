package io.firebreak.drill;

import java.time.Instant;

/**
 * A drill as it was started: its scenario, plan and targets (as the scenario was then), and when
 * it was scored. Keyed by the incident it declared.
 */
public record Drill(String incidentKey, String scenarioId, String scenarioTitle, String planKey, String startedBy,
		Instant startedAt, String processInstanceId, DrillScenario.Targets targets, int injectsPlanned,
		int injectsDelivered, Instant scoredAt) {

	static Drill start(String incidentKey, DrillScenario scenario, String startedBy, Instant at,
			String processInstanceId) {
		return new Drill(incidentKey, scenario.id(), scenario.title(), scenario.plan(), startedBy, at, processInstanceId,
				scenario.targets(), scenario.injects().size(), 0, null);
	}
}
