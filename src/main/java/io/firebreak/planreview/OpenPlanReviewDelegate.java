package io.firebreak.planreview;

import static io.firebreak.planreview.PlanReviewVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.plan.ResponsePlan;
import io.firebreak.plan.ResponsePlans;

/**
 * The "Open plan review" building block (template {@code io.firebreak.OpenPlanReview}): for the plan
 * named by {@code planKey}, puts its latest version on record as under review, and gives the review
 * what the task needs (name, version, owner, due date, the overdue timer's cycle). They are local to
 * the review, so the reviews of a cycle, one per plan side by side, keep their own; this is why the
 * template binds no inputs, which would give the step a scope of its own that the variables die with.
 */
@Component
public class OpenPlanReviewDelegate implements JavaDelegate {

	private final ResponsePlans plans;
	private final PlanReviewSchedule schedule;
	private final PlanReviewRepository reviews;
	private final Clock clock;

	OpenPlanReviewDelegate(ResponsePlans plans, PlanReviewSchedule schedule, PlanReviewRepository reviews, Clock clock) {
		this.plans = plans;
		this.schedule = schedule;
		this.reviews = reviews;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object key = execution.getVariable(PLAN_KEY);
		ResponsePlan plan = plans.latest(key == null ? null : key.toString())
			.orElseThrow(() -> new IllegalStateException("Open plan review: '" + key + "' (variable " + PLAN_KEY
					+ ") is no deployed response plan"));
		String owner = schedule.ownerOf(plan).orElse(null);
		Instant now = clock.instant();
		Instant due = schedule.dueFrom(now);
		PlanReview review = reviews.open(plan, owner, due, now, execution.getProcessInstanceId());
		Map<String, Object> variables = new HashMap<>();
		variables.put(PLAN_NAME, plan.title());
		variables.put(PLAN_VERSION, plan.version());
		variables.put(PLAN_VERSION_TAG, plan.versionTag());
		variables.put(PLAN_OWNER, owner);
		variables.put(REVIEW_DUE, Date.from(due));
		variables.put(REVIEW_ESCALATION, schedule.escalation(due));
		variables.put(REVIEW_ID, review.id());
		execution.setVariablesLocal(variables);
	}
}
