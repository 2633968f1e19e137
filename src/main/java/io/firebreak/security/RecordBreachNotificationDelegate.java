package io.firebreak.security;

import static io.firebreak.security.SecurityIncidentVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.plan.SubmittedValues;

/**
 * Building block "Breach notification" (an end listener on its task): keeps the evidence the
 * notification was made. Whatever it refuses (no reference, no recipient, no time, late without a
 * reason) refuses the task's completion with a 400 naming the field.
 */
@Component
class RecordBreachNotificationDelegate implements ExecutionListener {

	private final BreachNotifications breaches;

	RecordBreachNotificationDelegate(BreachNotifications breaches) {
		this.breaches = breaches;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (execution instanceof PvmExecutionImpl ended && ended.isCanceled()) {
			return; // the incident ended otherwise: nothing was sent
		}
		Object sentAt = execution.getVariable(NOTIFICATION_SENT_AT);
		Authentication signedIn = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		breaches.recordSent(IncidentResponseVariables.of(execution).incidentKey().value(),
				(String) execution.getVariable(BREACH_OBLIGATION),
				new BreachNotifications.Evidence(text(execution, NOTIFICATION_SENT_TO),
						sentAt == null || sentAt.toString().isBlank() ? null
								: SubmittedValues.instant(NOTIFICATION_SENT_AT, sentAt),
						text(execution, NOTIFICATION_REFERENCE), text(execution, NOTIFICATION_CONTENT),
						text(execution, NOTIFICATION_LATE_REASON)),
				signedIn == null ? null : signedIn.getUserId());
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString();
	}
}
