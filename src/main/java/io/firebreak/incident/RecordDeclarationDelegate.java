package io.firebreak.incident;

import static io.firebreak.incident.IncidentResponseVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens the incident record. A declaration over the API arrives with its key as business key;
 * one started from Tasklist gets its key here.
 */
@Component
public class RecordDeclarationDelegate implements JavaDelegate {

	private final IncidentLifecycle lifecycle;
	private final IncidentKeys keys;

	RecordDeclarationDelegate(IncidentLifecycle lifecycle, IncidentKeys keys) {
		this.lifecycle = lifecycle;
		this.keys = keys;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
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
}
