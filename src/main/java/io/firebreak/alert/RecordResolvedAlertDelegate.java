package io.firebreak.alert;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;

/**
 * Runs when alert intake correlates AlertResolved into the plan: puts the resolve (and whatever
 * came with it) on the timeline and keeps what it said for the commander's review.
 */
@Component
public class RecordResolvedAlertDelegate implements JavaDelegate {

	private final AlertTimeline timeline;

	RecordResolvedAlertDelegate(AlertTimeline timeline) {
		this.timeline = timeline;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		variables.set(IncidentResponseVariables.ALERT_SUMMARY, timeline.recordPending(variables.incidentKey()));
	}
}
