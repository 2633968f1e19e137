package io.firebreak.incident;

import static io.firebreak.incident.IncidentResponseVariables.*;

import io.firebreak.roster.Roster;

/** What the incident commander settles when assessing: scope, who is hurt, and who leads. */
public record Assessment(Impact impact, Urgency urgency, String service, String customerImpact,
		String commander, String communicationsLead, String scribe, String privacyLead) {

	/**
	 * Reads an assessment from the plan's variables. The form has checked its own rules; these are
	 * the record's: an assessed incident always has a known service and commander, and an override
	 * of the severity always has a reason.
	 */
	static Assessment from(IncidentResponseVariables variables, Roster roster) {
		SeverityOverride.from(variables);
		return new Assessment(Impact.of(FieldRules.required(IMPACT, variables.text(IMPACT), 32)),
				Urgency.of(FieldRules.required(URGENCY, variables.text(URGENCY), 32)),
				roster.requireService(SERVICE, FieldRules.required(SERVICE, variables.text(SERVICE), 64)),
				FieldRules.optional(CUSTOMER_IMPACT, variables.text(CUSTOMER_IMPACT), 4000),
				roster.requirePerson(COMMANDER, FieldRules.required(COMMANDER, variables.text(COMMANDER), 64)),
				roster.optionalPerson(COMMUNICATIONS_LEAD,
						FieldRules.optional(COMMUNICATIONS_LEAD, variables.text(COMMUNICATIONS_LEAD), 64)),
				roster.optionalPerson(SCRIBE, FieldRules.optional(SCRIBE, variables.text(SCRIBE), 64)),
				roster.optionalPerson(PRIVACY_LEAD, FieldRules.optional(PRIVACY_LEAD, variables.text(PRIVACY_LEAD), 64)));
	}
}
