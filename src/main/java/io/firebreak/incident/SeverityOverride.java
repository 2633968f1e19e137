package io.firebreak.incident;

import io.firebreak.system.InvalidInput;

import static io.firebreak.incident.IncidentResponseVariables.SEVERITY_OVERRIDE;
import static io.firebreak.incident.IncidentResponseVariables.SEVERITY_OVERRIDE_REASON;

import java.util.Optional;

/** The commander's deliberate departure from the priority table; never without a reason. */
record SeverityOverride(Severity severity, String reason) {

	static Optional<SeverityOverride> from(IncidentResponseVariables form) {
		String chosen = FieldRules.optional(SEVERITY_OVERRIDE, form.text(SEVERITY_OVERRIDE), 8);
		String reason = FieldRules.optional(SEVERITY_OVERRIDE_REASON, form.text(SEVERITY_OVERRIDE_REASON), 2000);
		if (chosen == null) {
			return Optional.empty();
		}
		Severity severity = Severity.of(SEVERITY_OVERRIDE, chosen);
		if (reason == null) {
			throw new InvalidInput(SEVERITY_OVERRIDE_REASON,
					"give a reason when overriding the severity to " + severity);
		}
		return Optional.of(new SeverityOverride(severity, reason));
	}
}
