package io.firebreak.planreview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.firebreak.plan.ResponsePlan;
import io.firebreak.roster.Roster;

/**
 * When plans are reviewed and by whom, from {@code firebreak.plan-reviews.*}. The timer start of
 * processes/plan-review-cycle.bpmn reads {@code ${planReviewSchedule.cycle()}}: Camunda evaluates a
 * timer start event's expression when it deploys the process, with beans but no process variables,
 * so a changed cycle takes effect with the next deployment of plan-review-cycle (redeploy it from
 * Modeler; a restart deploys it only when the file changed).
 */
@Component
public class PlanReviewSchedule {

	static final String PREFIX = "firebreak.plan-reviews.";

	private final String cycle;
	private final Duration dueIn;
	private final Duration escalateEvery;
	private final String defaultOwner;
	private final Map<String, String> owners;
	private final Roster roster;

	PlanReviewSchedule(@Value("${firebreak.plan-reviews.cycle}") String cycle,
			@Value("${firebreak.plan-reviews.due-in}") Duration dueIn,
			@Value("${firebreak.plan-reviews.escalate-every}") Duration escalateEvery,
			@Value("${firebreak.plan-reviews.default-owner:}") String defaultOwner, Environment environment, Roster roster) {
		this.cycle = cycle.strip();
		this.dueIn = dueIn;
		this.escalateEvery = escalateEvery;
		this.defaultOwner = defaultOwner == null || defaultOwner.isBlank() ? null : defaultOwner.strip();
		this.owners = Binder.get(environment).bind(PREFIX + "owners", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		this.roster = roster;
		List<String> problems = problems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Plan reviews are configured wrongly:\n  " + String.join("\n  ", problems));
		}
	}

	private List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (cycle.isEmpty()) {
			problems.add(PREFIX + "cycle is empty: give an ISO-8601 repeating interval such as "
					+ "R/2026-01-05T09:00:00Z/P90D, or a cron expression");
		}
		if (dueIn.isNegative() || dueIn.isZero()) {
			problems.add(PREFIX + "due-in must be a positive duration such as P14D (was " + dueIn + ")");
		}
		if (escalateEvery.isNegative() || escalateEvery.isZero()) {
			problems.add(PREFIX + "escalate-every must be a positive duration such as P7D (was " + escalateEvery + ")");
		}
		Stream.concat(Stream.of(Map.entry("default-owner", defaultOwner == null ? "" : defaultOwner)),
				owners.entrySet().stream().map(owner -> Map.entry("owners." + owner.getKey(), owner.getValue())))
			.filter(owner -> !owner.getValue().isBlank() && roster.person(owner.getValue().strip()).isEmpty())
			.forEach(owner -> problems.add(PREFIX + owner.getKey() + ": '" + owner.getValue()
					+ "' is not on the roster; use the id of a person in config/roster.yaml"));
		return problems;
	}

	/** The timer start's cycle: an ISO-8601 repeating interval (R/2026-01-05T09:00:00Z/P90D) or a cron expression. */
	public String cycle() {
		return cycle;
	}

	/** When a review opened at {@code opened} is due. */
	Instant dueFrom(Instant opened) {
		return opened.plus(dueIn);
	}

	/** The overdue timer's cycle: at {@code due}, then every escalate-every while the review stays open. */
	String escalation(Instant due) {
		return "R/" + due + "/" + escalateEvery;
	}

	/**
	 * Who reviews the plan: the configuration's owner for its key (an operator's override, e.g. while
	 * the owner is away, without a new plan version), else the owner the plan names, else the default
	 * owner; empty when none of them is on the roster now, and any plan author may take the review.
	 */
	Optional<String> ownerOf(ResponsePlan plan) {
		return Stream.of(owners.get(plan.key()), plan.owner(), defaultOwner)
			.filter(owner -> owner != null && !owner.isBlank())
			.map(String::strip)
			.filter(owner -> roster.person(owner).isPresent())
			.findFirst();
	}
}
