package io.firebreak.security;

import static io.firebreak.security.SecurityIncidentVariables.*;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.plan.SubmittedValues;
import io.firebreak.system.InvalidInput;

/**
 * Building block "Decide breach notifications": reads the assessed exposure and starts the
 * regulatory clock with the notifications the plan's decision obliges. It runs in the transaction
 * of the assessment it follows, so an impossible moment of awareness refuses that form.
 */
@Component
class DecideBreachNotificationsDelegate implements JavaDelegate {

	static final String DEFAULT_DECISION = "breach-notification";

	private final BreachNotifications breaches;

	DecideBreachNotificationsDelegate(BreachNotifications breaches) {
		this.breaches = breaches;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		boolean personalData = flag(execution.getVariable(PERSONAL_DATA_EXPOSED));
		BreachNotifications.Exposure exposure = new BreachNotifications.Exposure(personalData,
				personalData ? count(execution.getVariable(RECORDS_EXPOSED)) : 0,
				personalData ? SubmittedValues.ids(JURISDICTIONS, execution.getVariable(JURISDICTIONS)) : List.of(),
				personalData && flag(execution.getVariable(HIGH_RISK_TO_PEOPLE)), awareAt(execution.getVariable(BREACH_AWARE_AT)));
		Object decision = execution.getVariable(BREACH_DECISION);
		String decisionKey = decision == null || decision.toString().isBlank() ? DEFAULT_DECISION : decision.toString();
		Authentication signedIn = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		// whoever assessed may not evaluate decisions in Camunda: the plan does, on their behalf
		Context.getCommandContext().runWithoutAuthorization(() -> breaches.decide(variables.incidentKey(), exposure,
				decisionKey, signedIn == null ? null : signedIn.getUserId()));
	}

	private static Instant awareAt(Object value) {
		return value == null || value.toString().isBlank() ? null : SubmittedValues.instant(BREACH_AWARE_AT, value);
	}

	private static boolean flag(Object value) {
		return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
	}

	private static long count(Object value) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		try {
			return value == null || value.toString().isBlank() ? 0 : Long.parseLong(value.toString().strip());
		}
		catch (NumberFormatException notANumber) {
			throw new InvalidInput(RECORDS_EXPOSED, "Records exposed must be a whole number (was '" + value + "')");
		}
	}
}
