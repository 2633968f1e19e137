package io.firebreak.security;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;

/**
 * Building block "Remind of a breach deadline", after a timer on a notification task: tells the
 * commander and the privacy lead how long is left, or that the deadline passed.
 */
@Component
class RemindBreachDeadlineDelegate implements JavaDelegate {

	private final BreachNotifications breaches;

	RemindBreachDeadlineDelegate(BreachNotifications breaches) {
		this.breaches = breaches;
	}

	@Override
	public void execute(DelegateExecution execution) {
		breaches.remind(IncidentResponseVariables.of(execution).incidentKey().value(),
				(String) execution.getVariable(SecurityIncidentVariables.BREACH_OBLIGATION));
	}
}
