package io.firebreak.incident;

import static io.firebreak.incident.IncidentResponseVariables.*;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * Where a plan meets the record. The plan's engine plugin calls this when an element marked with a
 * milestone is reached and when any step is completed, so no plan carries steps of its own to
 * keep the record, and nothing here knows a plan's element ids.
 */
@Service
public class IncidentMilestones {

	private final IncidentLifecycle lifecycle;
	private final IncidentKeys keys;

	IncidentMilestones(IncidentLifecycle lifecycle, IncidentKeys keys) {
		this.lifecycle = lifecycle;
		this.keys = keys;
	}

	/** An element marked with the milestone ended: the start event, a priority table, an end event, … */
	public void reached(Milestone milestone, DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		switch (milestone) {
			case DECLARED -> declare(execution, variables);
			case PRIORITISED -> prioritise(variables);
			default -> lifecycle.completeStep(variables.incidentKey(), Optional.of(milestone), variables, null,
					execution.getCurrentActivityName(), List.of());
		}
	}

	/** A user task was completed by {@code actor}, who submitted {@code submitted} ("label: value"). */
	public void stepCompleted(VariableScope task, Optional<Milestone> milestone, String actor, String stepName,
			List<String> submitted) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(task);
		if (variables.text(INCIDENT_KEY) == null) {
			return; // a process that works on no incident: nothing to record
		}
		lifecycle.completeStep(variables.incidentKey(), milestone, variables, actor, stepName, submitted);
	}

	/**
	 * Opens the record. A declaration over the API arrives with its key as business key; one
	 * started from Tasklist gets its key here.
	 */
	private void declare(DelegateExecution execution, IncidentResponseVariables variables) {
		IncidentDeclaration declaration = IncidentDeclaration.of(variables.text(TITLE), variables.text(SUMMARY),
				variables.text(SERVICE), variables.text(IMPACT), variables.text(URGENCY), variables.text(INCIDENT_TYPE),
				variables.flag(DRILL));
		String businessKey = execution.getProcessBusinessKey();
		IncidentKey key = businessKey == null || businessKey.isBlank() ? keys.next() : new IncidentKey(businessKey);
		execution.setProcessBusinessKey(key.value());
		variables.set(INCIDENT_KEY, key.value());
		variables.set(TITLE, declaration.title());
		variables.set(SUMMARY, declaration.summary());
		variables.set(INCIDENT_TYPE, declaration.type().value());
		variables.set(DRILL, declaration.drill());
		lifecycle.declare(key, declaration, variables.text(DECLARED_BY), execution.getProcessInstanceId());
	}

	/** Puts the priority table's severity, or the commander's override, on the record. */
	private void prioritise(IncidentResponseVariables variables) {
		Severity severity = lifecycle.classify(variables.incidentKey(),
				Severity.of(TABLE_SEVERITY, variables.text(TABLE_SEVERITY)), SeverityOverride.from(variables),
				variables.text(COMMANDER));
		variables.set(SEVERITY, severity.name());
	}
}
