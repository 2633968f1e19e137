package io.firebreak.incident;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of the {@code incident-response} plan. Form field keys in {@code forms/} use
 * exactly these names (a test holds them to it); they hold ids and primitives only.
 */
public final class IncidentResponseVariables {

	public static final String PROCESS_ID = "incident-response";
	/** Correlated by alert intake when a group's alert fires again, is new, or is acknowledged at its source. */
	public static final String MESSAGE_ALERT_RECEIVED = "AlertReceived";
	/** Correlated by alert intake when an alert group resolves at its source. */
	public static final String MESSAGE_ALERT_RESOLVED = "AlertResolved";

	// declared
	public static final String INCIDENT_KEY = "incidentKey";
	public static final String TITLE = "title";
	public static final String SUMMARY = "summary";
	public static final String SERVICE = "service";
	public static final String IMPACT = "impact";
	public static final String URGENCY = "urgency";
	public static final String INCIDENT_TYPE = "incidentType";
	public static final String DRILL = "drill";
	public static final String DECLARED_BY = "declaredBy";
	// assessed
	public static final String CUSTOMER_IMPACT = "customerImpact";
	public static final String SEVERITY_OVERRIDE = "severityOverride";
	public static final String SEVERITY_OVERRIDE_REASON = "severityOverrideReason";
	public static final String COMMANDER = "commander";
	public static final String COMMUNICATIONS_LEAD = "communicationsLead";
	public static final String SCRIBE = "scribe";
	public static final String PRIVACY_LEAD = "privacyLead";
	// decided by incident-priority.dmn
	public static final String TABLE_SEVERITY = "tableSeverity";
	public static final String SEVERITY = "severity";
	public static final String ACK_TIMEOUT = "ackTimeout";
	public static final String UPDATE_CADENCE = "updateCadence";
	public static final String POSTMORTEM_REQUIRED = "postmortemRequired";
	public static final String TASK_DUE_IN = "taskDueIn";
	// paging
	public static final String PAGED_RESPONDER = "pagedResponder";
	/** The step of the escalation policy paged last (0 = the first page). */
	public static final String ESCALATION_LEVEL = "escalationLevel";
	/** How long the step paged last has to acknowledge (ISO-8601), for the acknowledgement timer. */
	public static final String PAGE_ACK_TIMEOUT = "pageAckTimeout";
	/** True once the policy's last step (the commanders) is paged: no timer escalates further. */
	public static final String ESCALATION_EXHAUSTED = "escalationExhausted";
	/** The team whose chain was paged, when a Page on-call step named one (escalation continues in it). */
	public static final String PAGED_TEAM = "pagedTeam";
	/** Input of a Page on-call step: the team to page; empty = the team that owns the incident's service. */
	public static final String PAGE_TEAM = "pageTeam";
	/** Input of a Page on-call step: the step of the escalation policy paged first (0 = its first level). */
	public static final String PAGE_LEVEL = "pageLevel";
	/** Input of a Notify step: the audience of config/audiences.yaml. */
	public static final String AUDIENCE = "audience";
	public static final String DELIVERY_TARGET = "deliveryTarget";
	public static final String ACKNOWLEDGEMENT_NOTE = "acknowledgementNote";
	/** Whoever acknowledged the page; containment and mitigation are assigned to them. */
	public static final String RESPONDER = "responder";
	// response
	public static final String CONTAINMENT_ACTIONS = "containmentActions";
	public static final String MITIGATION_ACTIONS = "mitigationActions";
	public static final String RECOVERED = "recovered";
	public static final String RECOVERY_EVIDENCE = "recoveryEvidence";
	public static final String RESOLUTION_SUMMARY = "resolutionSummary";
	// status updates (form-post-status-update): each posted update replaces the previous one
	/** Input of a Notify audiences step: initial, update or resolution. */
	public static final String NOTICE = "notice";
	/** How many status updates were sent, numbering their notices. */
	public static final String STATUS_UPDATE_NUMBER = "statusUpdateNumber";
	/** Tactical update: what is happening now. */
	public static final String CONDITIONS = "conditions";
	/** Tactical update: what the responders are doing. */
	public static final String ACTIONS = "actions";
	/** Tactical update: what the response needs from others. */
	public static final String NEEDS = "needs";
	/** Executive summary: where the response stands. */
	public static final String CURRENT_STATUS = "currentStatus";
	/** Executive summary: what happened and who is affected. */
	public static final String OVERVIEW = "overview";
	/** Executive summary: what happens next. */
	public static final String NEXT_STEPS = "nextSteps";
	/** Customer message: investigating, identified, monitoring or resolved. */
	public static final String CUSTOMER_STATUS = "customerStatus";
	/** Customer message: the text customers and the status page get. */
	public static final String CUSTOMER_MESSAGE = "customerMessage";
	// after resolution: the post-incident-analysis decision (postmortem, debrief or none)
	/** The commander asks for a postmortem the priority table does not require (SEV3). */
	public static final String POSTMORTEM_REQUESTED = "postmortemRequested";
	public static final String POST_INCIDENT_ANALYSIS = "postIncidentAnalysis";
	// drill debrief
	public static final String DEBRIEF_WENT_WELL = "debriefWentWell";
	public static final String DEBRIEF_TO_PRACTISE = "debriefToPractise";
	public static final String DEBRIEF_PLAN_CHANGES = "debriefPlanChanges";
	// alerts correlated into the running plan (AlertReceived, AlertResolved)
	public static final String ALERT_SUMMARY = "alertSummary";
	public static final String ALERT_REVIEW_NOTE = "alertReviewNote";

	public static final List<String> ALL = List.of(INCIDENT_KEY, TITLE, SUMMARY, SERVICE, IMPACT, URGENCY,
			INCIDENT_TYPE, DRILL, DECLARED_BY, CUSTOMER_IMPACT, SEVERITY_OVERRIDE, SEVERITY_OVERRIDE_REASON, COMMANDER,
			COMMUNICATIONS_LEAD, SCRIBE, PRIVACY_LEAD, TABLE_SEVERITY, SEVERITY, ACK_TIMEOUT, UPDATE_CADENCE, POSTMORTEM_REQUIRED,
			TASK_DUE_IN, PAGED_RESPONDER, ESCALATION_LEVEL, PAGE_ACK_TIMEOUT, ESCALATION_EXHAUSTED, DELIVERY_TARGET, ACKNOWLEDGEMENT_NOTE, RESPONDER, CONTAINMENT_ACTIONS,
			MITIGATION_ACTIONS, RECOVERED, RECOVERY_EVIDENCE, RESOLUTION_SUMMARY, POSTMORTEM_REQUESTED,
			POST_INCIDENT_ANALYSIS, DEBRIEF_WENT_WELL, DEBRIEF_TO_PRACTISE, DEBRIEF_PLAN_CHANGES, ALERT_SUMMARY, ALERT_REVIEW_NOTE, NOTICE, STATUS_UPDATE_NUMBER, CONDITIONS, ACTIONS,
			NEEDS, CURRENT_STATUS, OVERVIEW, NEXT_STEPS, CUSTOMER_STATUS, CUSTOMER_MESSAGE);

	private final VariableScope scope;

	private IncidentResponseVariables(VariableScope scope) {
		this.scope = scope;
	}

	public static IncidentResponseVariables of(VariableScope scope) {
		return new IncidentResponseVariables(scope);
	}

	public IncidentKey incidentKey() {
		return new IncidentKey(text(INCIDENT_KEY));
	}

	public String text(String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	public boolean flag(String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Boolean bool) {
			return bool;
		}
		return value != null && Boolean.parseBoolean(value.toString());
	}

	public Integer number(String name) {
		Object value = scope.getVariable(name);
		return value instanceof Number number ? number.intValue() : null;
	}

	public void set(String name, Object value) {
		scope.setVariable(name, value);
	}
}
