package io.firebreak.retention;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentType;
import io.firebreak.incident.PlanSelection;

/**
 * How long the record of an incident is kept at least, by its kind: a plan's history
 * ({@code camunda:historyTimeToLive}) may be longer, never shorter. Security plans, those
 * services.yaml chooses for security incidents, keep theirs longer than the others. Camunda's
 * history cleanup and Firebreak's own ({@link IncidentRetirement}) both follow the plan's time to
 * live, so refusing a plan below the minimum at deploy is what makes the minimum hold.
 */
@Component
public class RetentionPolicy {

	private final Duration minimum;
	private final Duration securityMinimum;
	private final PlanSelection plans;

	RetentionPolicy(@Value("${firebreak.retention.minimum}") Duration minimum,
			@Value("${firebreak.retention.security-minimum}") Duration securityMinimum, PlanSelection plans) {
		this.minimum = wholeDays("firebreak.retention.minimum", minimum);
		this.securityMinimum = wholeDays("firebreak.retention.security-minimum", securityMinimum);
		if (securityMinimum.compareTo(minimum) < 0) {
			throw new IllegalStateException("firebreak.retention.security-minimum (" + securityMinimum.toDays()
					+ " days) must be at least firebreak.retention.minimum (" + minimum.toDays() + " days)");
		}
		this.plans = plans;
	}

	/** Camunda keeps history for whole days (P400D), so the minimum is whole days too. */
	private static Duration wholeDays(String property, Duration value) {
		if (value.isNegative() || value.isZero() || !value.equals(Duration.ofDays(value.toDays()))) {
			throw new IllegalStateException(property + " must be a positive number of whole days, e.g. P400D (was "
					+ value + ")");
		}
		return value;
	}

	/** The least a plan keeps its history: the security minimum for a security plan. */
	public Duration minimumForPlan(String processKey) {
		return isSecurityPlan(processKey) ? securityMinimum : minimum;
	}

	/** The least Firebreak keeps an incident of this type after it closed, whatever its plan says. */
	public Duration minimumFor(IncidentType type) {
		return type == IncidentType.SECURITY ? securityMinimum : minimum;
	}

	/** The smallest minimum there is: no closed incident is removed sooner. */
	Duration leastMinimum() {
		return minimum;
	}

	boolean isSecurityPlan(String processKey) {
		return plans.securityPlans().contains(processKey);
	}

	/**
	 * What is wrong with a plan that keeps its history {@code days} days, said so that its author
	 * can fix it in Modeler; empty when it keeps it long enough.
	 */
	public Optional<String> problem(String processKey, String label, int days) {
		Duration least = minimumForPlan(processKey);
		if (days >= least.toDays()) {
			return Optional.empty();
		}
		String kind = isSecurityPlan(processKey)
				? "security plans (services.yaml chooses " + processKey + " for security incidents; "
						+ "firebreak.retention.security-minimum)"
				: "incident plans (firebreak.retention.minimum)";
		return Optional.of(label + " keeps its history " + days + " days, less than the " + least.toDays()
				+ " days Firebreak keeps " + kind + ": set 'History cleanup > Time to live' in Modeler's properties "
				+ "panel (camunda:historyTimeToLive) to P" + least.toDays() + "D or more");
	}
}
