package io.firebreak.incident;

import static io.firebreak.incident.IncidentResponseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the priority table's severity, or the commander's override, on the record. */
@Component
public class RecordSeverityDelegate implements JavaDelegate {

	private final IncidentLifecycle lifecycle;

	RecordSeverityDelegate(IncidentLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		Severity severity = lifecycle.classify(variables.incidentKey(),
				Severity.of(TABLE_SEVERITY, variables.text(TABLE_SEVERITY)), SeverityOverride.from(variables),
				variables.text(COMMANDER));
		variables.set(SEVERITY, severity.name());
	}
}
