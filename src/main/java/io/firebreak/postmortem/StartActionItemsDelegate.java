package io.firebreak.postmortem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.IncidentResponseVariables;

/**
 * The "Start action item follow-ups" building block (template {@code io.firebreak.StartActionItems}):
 * one instance of the process named by input {@code followUpProcess} per open action item of the
 * published postmortem. They run in this job's transaction: a failure starts none, and the retry
 * starts them all.
 */
@Component
public class StartActionItemsDelegate implements JavaDelegate {

	private final ActionItems actionItems;
	private final ActionItemFollowUps followUps;
	private final IncidentLifecycle lifecycle;

	StartActionItemsDelegate(ActionItems actionItems, ActionItemFollowUps followUps, IncidentLifecycle lifecycle) {
		this.actionItems = actionItems;
		this.followUps = followUps;
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Incident incident = lifecycle.load(IncidentResponseVariables.of(execution).incidentKey());
		followUps.start(String.valueOf(execution.getVariableLocal("followUpProcess")), incident,
				actionItems.ofIncident(incident.key()), execution.getProcessEngineServices().getRuntimeService());
	}
}
