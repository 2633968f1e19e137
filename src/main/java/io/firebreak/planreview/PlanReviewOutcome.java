package io.firebreak.planreview;

import java.util.Arrays;
import java.util.Optional;

/** What a review found: the plan stands as it is, or its owner must change it (saying what). */
enum PlanReviewOutcome {
	APPROVED("approved"), CHANGES_NEEDED("changes-needed");

	private final String value;

	PlanReviewOutcome(String value) {
		this.value = value;
	}

	String value() {
		return value;
	}

	static Optional<PlanReviewOutcome> of(String value) {
		return Arrays.stream(values()).filter(outcome -> outcome.value.equals(value)).findFirst();
	}
}
