package io.firebreak.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CloseIncidentDelegate implements JavaDelegate {

	private final IncidentLifecycle lifecycle;

	CloseIncidentDelegate(IncidentLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.close(IncidentResponseVariables.of(execution).incidentKey());
	}
}
