package io.firebreak.alert;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;

/** Runs when alert intake correlates AlertReceived into the plan: puts the alert events on the timeline. */
@Component
public class RecordAlertsDelegate implements JavaDelegate {

	private final AlertTimeline timeline;

	RecordAlertsDelegate(AlertTimeline timeline) {
		this.timeline = timeline;
	}

	@Override
	public void execute(DelegateExecution execution) {
		timeline.recordPending(IncidentResponseVariables.of(execution).incidentKey());
	}
}
