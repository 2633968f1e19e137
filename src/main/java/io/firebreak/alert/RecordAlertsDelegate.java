package io.firebreak.alert;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;

/**
 * Runs when alert intake correlates AlertReceived or AlertResolved into the plan: puts the alert
 * events on the incident's timeline and keeps what they said for the commander's review.
 */
@Component
public class RecordAlertsDelegate implements JavaDelegate {

	private final AlertTimeline timeline;

	RecordAlertsDelegate(AlertTimeline timeline) {
		this.timeline = timeline;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		variables.set(IncidentResponseVariables.ALERT_SUMMARY, timeline.recordPending(variables.incidentKey()));
	}
}
