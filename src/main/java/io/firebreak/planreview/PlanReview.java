package io.firebreak.planreview;

import java.time.Instant;

/**
 * One review of one plan version: open (no outcome yet) until its owner completes the task.
 * {@code owner} is null when any plan author may take it.
 */
record PlanReview(long id, String planKey, int planVersion, String planVersionTag, String planName,
		String planDefinitionId, String owner, Instant due, Instant openedAt, String processInstanceId,
		int escalations, PlanReviewOutcome outcome, String notes, String reviewer, Instant reviewedAt) {

	boolean open() {
		return outcome == null;
	}

	boolean overdue(Instant now) {
		return open() && due.isBefore(now);
	}

	String planTitle() {
		return planName == null || planName.isBlank() ? planKey : planName;
	}
}
