package io.firebreak.security;

import java.util.List;

/**
 * The variables of a security plan's own steps (processes/security-incident.bpmn); the rest are the
 * incident's ({@link io.firebreak.incident.IncidentResponseVariables}). Form field keys use exactly
 * these names (a test holds them to it).
 */
public final class SecurityIncidentVariables {

	// preserve evidence
	public static final String EVIDENCE_ITEMS = "evidenceItems";
	public static final String EVIDENCE_LOCATION = "evidenceLocation";
	public static final String CHAIN_OF_CUSTODY = "chainOfCustody";
	// contain: the checklist
	public static final String HOSTS_ISOLATED = "hostsIsolated";
	public static final String CREDENTIALS_REVOKED = "credentialsRevoked";
	public static final String CREDENTIALS_ROTATED = "credentialsRotated";
	// assess data exposure: the inputs of processes/breach-notification.dmn, and the clock's start
	public static final String PERSONAL_DATA_EXPOSED = "personalDataExposed";
	public static final String RECORDS_EXPOSED = "recordsExposed";
	/** eu, uk, us: a checklist, submitted as a JSON list */
	public static final String JURISDICTIONS = "jurisdictions";
	public static final String HIGH_RISK_TO_PEOPLE = "highRiskToPeople";
	/** When the organisation became aware of the breach; empty: when the incident was declared. */
	public static final String BREACH_AWARE_AT = "breachAwareAt";
	public static final String EXPOSURE_NOTES = "exposureNotes";
	/** The decision that says which notifications a breach obliges (the template's input). */
	public static final String BREACH_DECISION = "breachDecision";
	// one notification the breach obliges: a multi-instance element over BreachNotifications.open
	public static final String BREACH_OBLIGATION = "breachObligation";
	public static final String BREACH_RECIPIENT = "breachRecipient";
	public static final String BREACH_BASIS = "breachBasis";
	public static final String BREACH_DEADLINE = "breachDeadline";
	// ... and the evidence it was made
	public static final String NOTIFICATION_SENT_TO = "notificationSentTo";
	public static final String NOTIFICATION_SENT_AT = "notificationSentAt";
	public static final String NOTIFICATION_REFERENCE = "notificationReference";
	public static final String NOTIFICATION_CONTENT = "notificationContent";
	public static final String NOTIFICATION_LATE_REASON = "notificationLateReason";
	// eradicate
	public static final String ERADICATION_ACTIONS = "eradicationActions";

	public static final List<String> ALL = List.of(EVIDENCE_ITEMS, EVIDENCE_LOCATION, CHAIN_OF_CUSTODY, HOSTS_ISOLATED,
			CREDENTIALS_REVOKED, CREDENTIALS_ROTATED, PERSONAL_DATA_EXPOSED, RECORDS_EXPOSED, JURISDICTIONS,
			HIGH_RISK_TO_PEOPLE, BREACH_AWARE_AT, EXPOSURE_NOTES, BREACH_DECISION, BREACH_OBLIGATION, BREACH_RECIPIENT,
			BREACH_BASIS, BREACH_DEADLINE, NOTIFICATION_SENT_TO, NOTIFICATION_SENT_AT, NOTIFICATION_REFERENCE,
			NOTIFICATION_CONTENT, NOTIFICATION_LATE_REASON, ERADICATION_ACTIONS);

	private SecurityIncidentVariables() {
	}
}
