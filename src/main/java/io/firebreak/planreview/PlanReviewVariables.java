package io.firebreak.planreview;

/**
 * The variables of one plan's review in processes/plan-review.bpmn, in one place. The review's
 * building blocks write the plan's facts (read by the review form's disabled fields and by the task's
 * assignee, due date and overdue timer) and read the plan key and the review's id; the outcome and
 * notes reach "Record plan review" through its template inputs, so the form's field names stay the
 * model's.
 */
final class PlanReviewVariables {

	/** The multi-instance element variable: the key of the plan this review is for. */
	static final String PLAN_KEY = "planKey";
	static final String PLAN_NAME = "planName";
	static final String PLAN_VERSION = "planVersion";
	static final String PLAN_VERSION_TAG = "planVersionTag";
	/** The roster person the review task is assigned to; null when any plan author may take it. */
	static final String PLAN_OWNER = "planOwner";
	/** When the review is due (a date): the task's due date. */
	static final String REVIEW_DUE = "planReviewDue";
	/** The overdue timer's cycle: from the due date, again every firebreak.plan-reviews.escalate-every. */
	static final String REVIEW_ESCALATION = "planReviewEscalation";
	/** The id of the review's row in plan_review. */
	static final String REVIEW_ID = "planReviewId";

	/** "Record plan review"'s inputs (template io.firebreak.RecordPlanReview). */
	static final String OUTCOME_INPUT = "outcome";
	static final String NOTES_INPUT = "notes";

	private PlanReviewVariables() {
	}
}
