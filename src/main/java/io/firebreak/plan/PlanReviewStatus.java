package io.firebreak.plan;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Each plan's reviews, as /plans shows them. Implemented by the plan review feature
 * (io.firebreak.planreview), which builds on plans: the catalog takes it through an ObjectProvider,
 * so that plans need not know reviews and there is no package cycle.
 */
public interface PlanReviewStatus {

	/** A finished review: {@code outcome} approved or changes-needed, {@code notes} what needs to change. */
	record Review(int planVersion, String outcome, String notes, String reviewer, String reviewerName,
			Instant reviewedAt) {

		public boolean approved() {
			return "approved".equals(outcome);
		}
	}

	/** A review waiting for its owner (null: any plan author); {@code overdue} once past {@code due}. */
	record OpenReview(int planVersion, String owner, String ownerName, Instant due, boolean overdue) {
	}

	/** A plan's last finished review and its open one, either null when there is none. */
	record Status(Review last, OpenReview open) {
	}

	/** The status of every plan reviewed or under review, by plan key, overdue as of {@code now}. */
	Map<String, Status> byPlan(Instant now);

	/** When the review cycle next starts on its own, empty when no cycle is scheduled. */
	Optional<Instant> nextCycle();
}
