package io.firebreak.planreview;

import static io.firebreak.planreview.PlanReviewVariables.*;

import java.time.Clock;
import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.firebreak.system.InvalidInput;

/**
 * The "Record plan review" building block (template {@code io.firebreak.RecordPlanReview}): closes the
 * review on record with its outcome (input {@code outcome}: approved or changes-needed), the notes
 * (input {@code notes}, required for changes-needed) and who completed the review task. It runs in the
 * task's own transaction, so a review whose outcome cannot be recorded is refused to the reviewer
 * (400, saying what to fix) and nothing is half-written. The form checks the same on the server; this
 * holds for a plan that uses another form, or none.
 */
@Component
public class RecordPlanReviewDelegate implements JavaDelegate {

	static final int NOTES_MAX = 4000;

	private final PlanReviewRepository reviews;
	private final Clock clock;

	RecordPlanReviewDelegate(PlanReviewRepository reviews, Clock clock) {
		this.reviews = reviews;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object given = execution.getVariableLocal(OUTCOME_INPUT);
		PlanReviewOutcome outcome = PlanReviewOutcome.of(given == null ? null : given.toString().strip())
			.orElseThrow(() -> new InvalidInput(OUTCOME_INPUT, "The review's outcome is one of "
					+ Arrays.stream(PlanReviewOutcome.values()).map(PlanReviewOutcome::value).toList() + ", not '" + given
					+ "'"));
		Object text = execution.getVariableLocal(NOTES_INPUT);
		String notes = text == null || text.toString().isBlank() ? null : text.toString().strip();
		if (outcome == PlanReviewOutcome.CHANGES_NEEDED && notes == null) {
			throw new InvalidInput(NOTES_INPUT, "Say what needs to change in the plan");
		}
		if (notes != null && notes.length() > NOTES_MAX) {
			throw new InvalidInput(NOTES_INPUT, "The review notes are " + notes.length() + " characters long; at most "
					+ NOTES_MAX + " are kept");
		}
		long id = ((Number) execution.getVariable(REVIEW_ID)).longValue();
		reviews.close(id, outcome, notes, reviewer(execution), clock.instant());
	}

	/** Who completed the review task (signed in to Tasklist or /engine-rest), else its owner. */
	private static String reviewer(DelegateExecution execution) {
		Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (user != null && user.getUserId() != null) {
			return user.getUserId();
		}
		Object owner = execution.getVariable(PLAN_OWNER);
		return owner == null ? null : owner.toString();
	}
}
