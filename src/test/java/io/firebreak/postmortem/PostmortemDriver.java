package io.firebreak.postmortem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;

import io.firebreak.incident.IncidentResponseDriver;

/**
 * Works the postmortem a plan called, the way its people would: the commander names the owner,
 * the owner investigates, schedules and records the review meeting, the commander approves.
 */
public class PostmortemDriver {

	public static final String ASSIGN_OWNER = "UserTask_AssignOwner";
	public static final String INVESTIGATE = "UserTask_Investigate";
	public static final String SCHEDULE_REVIEW = "UserTask_ScheduleReview";
	public static final String REVIEW_MEETING = "UserTask_ReviewMeeting";
	public static final String APPROVE = "UserTask_ApprovePostmortem";

	/** One action item for oncall2, due in two weeks. */
	public static final Map<String, Object> ACTION_ITEM = Map.of("title", "Canary every config change", "type",
			"prevent", "owner", "oncall2", "dueDate",
			LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC).plusDays(14).toString(), "priority",
			"high");

	private final ProcessEngine engine;
	private final IncidentResponseDriver driver;

	public PostmortemDriver(ProcessEngine engine, IncidentResponseDriver driver) {
		this.engine = engine;
		this.driver = driver;
	}

	/** The running postmortem of the incident, called by its plan. */
	public ProcessInstance of(String incidentKey) {
		ProcessInstance postmortem = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(PostmortemVariables.PROCESS_ID).processInstanceBusinessKey(incidentKey).singleResult();
		if (postmortem == null) {
			throw new AssertionError("no postmortem runs for " + incidentKey);
		}
		return postmortem;
	}

	/** Up to the review meeting: owner {@code owner}, invitations out for tomorrow. */
	public ProcessInstance workToReviewMeeting(String incidentKey, String owner) {
		ProcessInstance postmortem = of(incidentKey);
		driver.complete(postmortem, ASSIGN_OWNER, "ic", Map.of("postmortemOwner", owner));
		driver.complete(postmortem, INVESTIGATE, owner, Map.of("evidence", "https://grafana.example/d/checkout",
				"interviewNotes", "oncall saw the error rate first"));
		driver.complete(postmortem, SCHEDULE_REVIEW, owner, Map.of("reviewMeetingAt",
				ClockUtil.getCurrentTime().toInstant().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString(),
				"reviewParticipants", SpinValues.jsonValue("[\"oncall\",\"oncall2\",\"comms\"]").create()));
		driver.runJob(postmortem, "ServiceTask_SendInvitation");
		return postmortem;
	}

	/** Up to the approval: the review records one action item for oncall2. */
	public ProcessInstance workToApproval(String incidentKey, String owner) {
		ProcessInstance postmortem = workToReviewMeeting(incidentKey, owner);
		driver.complete(postmortem, REVIEW_MEETING, owner, review(List.of(ACTION_ITEM)));
		return postmortem;
	}

	/** Approves and runs the steps after publication: sharing and starting the action items. */
	public void approve(ProcessInstance postmortem) {
		driver.complete(postmortem, APPROVE, "ic", Map.of("postmortemApproved", true));
		driver.runDueJobs(postmortem);
	}

	public void workToPublished(String incidentKey) {
		approve(workToApproval(incidentKey, "ic"));
	}

	/** Completes the named task of the incident as {@code user} with what its form submits. */
	@FunctionalInterface
	public interface TaskForms {
		void complete(String user, String taskName, Map<String, Object> form) throws Exception;
	}

	/**
	 * The postmortem over {@code /engine-rest}, as people work it in Tasklist, to published:
	 * {@code runJobs} runs the incident's due jobs (the invitation, sharing, the follow-ups).
	 */
	public static void workToPublished(TaskForms tasks, Runnable runJobs) throws Exception {
		tasks.complete("ic", "Assign postmortem owner", Map.of("postmortemOwner", "ic"));
		tasks.complete("ic", "Investigate", Map.of("evidence", "https://grafana.example/d/checkout"));
		tasks.complete("ic", "Schedule review meeting", Map.of("reviewMeetingAt",
				ClockUtil.getCurrentTime().toInstant().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString(),
				"reviewParticipants", List.of("oncall", "comms")));
		runJobs.run();
		tasks.complete("ic", "Hold review meeting", review(List.of(ACTION_ITEM)));
		tasks.complete("ic", "Approve postmortem", Map.of("postmortemApproved", true));
		runJobs.run();
	}

	/** What the review meeting records, with {@code actionItems} in the form's numbered slots. */
	public static Map<String, Object> review(List<Map<String, Object>> actionItems) {
		Map<String, Object> review = new HashMap<>(Map.of("postmortemSummary", "A config change skipped the canary",
				"impactDuration", "47 minutes", "usersAffected", "EU card payments failed", "rootCauses",
				"Config changes bypass the canary stage", "trigger", "A feature flag flip", "detection",
				"Error-rate alert after 4 minutes", "resolution", "Flag reverted", "wentWell", "Paging worked",
				"wentWrong", "Rollback took 20 minutes", "lessonsLearned", "Treat config as code"));
		review.put("gotLucky", "It was off-peak");
		review.put("noActionItemsNeeded", false);
		for (int n = 1; n <= actionItems.size(); n++) {
			int slot = n;
			actionItems.get(n - 1).forEach((field, value) -> review.put(PostmortemVariables.slot(slot, field), value));
		}
		return review;
	}


}
