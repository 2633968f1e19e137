package io.firebreak.incident;

import java.time.Instant;
import java.util.List;

/**
 * The plan reviews past their due date, as the dashboard shows them. Implemented by the plan review
 * feature (io.firebreak.planreview); the dashboard takes it through an ObjectProvider, as it does
 * {@link PostIncidentAnalysis}, so that incidents need not know plan reviews.
 */
public interface OverduePlanReviews {

	/** One overdue review: {@code owner} null when any plan author may take it; {@code taskId} null once gone. */
	record OverdueReview(String planKey, String planTitle, int planVersion, String owner, String ownerName,
			Instant due, String taskId) {
	}

	/** Every open review whose due date is before {@code now}, the longest overdue first. */
	List<OverdueReview> overdue(Instant now);
}
