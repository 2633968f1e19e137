package io.firebreak.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.TimelineEvent.Kind;

/**
 * The "Score drill" building block (template {@code io.firebreak.ScoreDrill}): after the drill's
 * plan has ended, keeps the scorecard (who took part, in which roles) and notes the result on the
 * incident's timeline. The card is at /reports/drills.
 */
@Component
public class ScoreDrillDelegate implements JavaDelegate {

	private final DrillScorecards scorecards;
	private final IncidentLifecycle lifecycle;

	ScoreDrillDelegate(DrillScorecards scorecards, IncidentLifecycle lifecycle) {
		this.scorecards = scorecards;
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String key = execution.getProcessBusinessKey();
		DrillScorecard card = scorecards.score(key);
		lifecycle.note(new IncidentKey(key), Kind.DRILL_SCORED, DrillVariables.INJECT_ACTOR,
				"[DRILL] Scorecard: " + card.score() + " (" + String.join("; ", card.steps().stream()
					.map(step -> step.name() + " " + DrillDurations.text(step.actual()) + " against "
							+ DrillDurations.text(step.target()) + ": " + step.result().name().toLowerCase())
					.toList()) + ")");
	}
}
