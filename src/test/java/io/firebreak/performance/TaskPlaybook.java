package io.firebreak.performance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who completes each task of the incident response plan and its postmortem, and with what form
 * values: the demo roster's path (IncidentResponseDriver, PostmortemDriver), the same on the bare
 * engine and on Firebreak. A task that is assigned is completed by its assignee (whoever
 * Firebreak's paging or the assessment put there); otherwise by the person named here. Lists are
 * taglists, which Tasklist submits as JSON.
 */
public final class TaskPlaybook {

	/** The person who completes a task no one is assigned to, and what they submit. */
	public record Step(String user, Map<String, Object> form) {
	}

	/** impact × urgency: significant and high is a SEV2, which the priority table gives a postmortem. */
	public static final String IMPACT = "significant";
	public static final String URGENCY = "high";
	public static final String SEVERITY = "SEV2";
	/** The SEV2 acknowledgement timeout, which Firebreak's page would set: no page escalates within a run. */
	public static final String ACK_TIMEOUT = "PT15M";

	private final Map<String, Step> steps = new LinkedHashMap<>();

	public TaskPlaybook() {
		Map<String, Object> acknowledge = Map.of("acknowledgementNote", "on it");
		steps.put("UserTask_AcknowledgePage", new Step("oncall", acknowledge));
		steps.put("UserTask_AcknowledgeLastPage", new Step("ic", acknowledge));
		steps.put("UserTask_AssessIncident", new Step("ic", Map.of("impact", IMPACT, "urgency", URGENCY, "service",
				"checkout", "commander", "ic", "communicationsLead", "comms", "scribe", "oncall2", "customerImpact",
				"Payments fail for EU")));
		steps.put("UserTask_ContainIncident", new Step("oncall", Map.of("containmentActions", "Drained the zone")));
		steps.put("UserTask_MitigateIncident", new Step("oncall", Map.of("mitigationActions", "Rolled back")));
		steps.put("UserTask_VerifyRecovery", new Step("ic", Map.of("recovered", true, "recoveryEvidence", "Healthy")));
		steps.put("UserTask_ResolveIncident", new Step("ic", Map.of("resolutionSummary", "Bad release rolled back")));
		// the update cadence (an hour for a SEV2) does not come round in a run, but a plan that asks is answered
		Map<String, Object> update = Map.of("conditions", "Errors on checkout", "actions", "Rolling back", "customerStatus",
				"investigating");
		steps.put("UserTask_PostStatusUpdate", new Step("comms", update));
		steps.put("UserTask_PostOverdueStatusUpdate", new Step("ic", update));
		steps.put("UserTask_ReviewResolvedAlert", new Step("ic", Map.of("alertReviewNote", "Checked")));
		steps.put("UserTask_DrillDebrief", new Step("ic", Map.of("debriefWentWell", "Paging worked")));
		// the postmortem: owner ic, no action items (their follow-up plans would run for weeks under the incident's key)
		steps.put("UserTask_AssignOwner", new Step("ic", Map.of("postmortemOwner", "ic")));
		steps.put("UserTask_Investigate", new Step("ic", Map.of("evidence", "https://grafana.example/d/checkout",
				"interviewNotes", "oncall saw the error rate first")));
		steps.put("UserTask_ScheduleReview", new Step("ic", Map.of("reviewParticipants", List.of("oncall", "comms"))));
		Map<String, Object> review = new LinkedHashMap<>();
		review.put("postmortemSummary", "A config change skipped the canary");
		review.put("impactDuration", "47 minutes");
		review.put("usersAffected", "EU card payments failed");
		review.put("rootCauses", "Config changes bypass the canary stage");
		review.put("trigger", "A feature flag flip");
		review.put("detection", "Error-rate alert after 4 minutes");
		review.put("resolution", "Flag reverted");
		review.put("wentWell", "Paging worked");
		review.put("wentWrong", "Rollback took 20 minutes");
		review.put("lessonsLearned", "Treat config as code");
		review.put("noActionItemsNeeded", true);
		review.put("noActionItemsReason", "Covered by the canary project");
		steps.put("UserTask_ReviewMeeting", new Step("ic", review));
		steps.put("UserTask_ApprovePostmortem", new Step("ic", Map.of("postmortemApproved", true, "approvalNotes",
				"Clear and complete")));
	}

	/** Who completes the task and what they submit; a task the playbook does not know stops the run. */
	public Step step(String taskDefinitionKey, String assignee) {
		Step step = steps.get(taskDefinitionKey);
		if (step == null) {
			throw new IllegalStateException("The playbook does not know task " + taskDefinitionKey
					+ ": add who completes it and with what to TaskPlaybook");
		}
		Map<String, Object> form = step.form();
		if (taskDefinitionKey.equals("UserTask_ScheduleReview")) {
			// the meeting is tomorrow on the hour, whenever the run is
			form = new LinkedHashMap<>(form);
			form.put("reviewMeetingAt", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString());
		}
		return new Step(assignee != null ? assignee : step.user(), form);
	}
}
