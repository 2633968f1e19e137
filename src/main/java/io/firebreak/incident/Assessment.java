package io.firebreak.incident;

/** What the incident commander settles when assessing: scope, who is hurt, and who leads. */
public record Assessment(Impact impact, Urgency urgency, String service, String customerImpact,
		String commander, String communicationsLead, String scribe) {
}
