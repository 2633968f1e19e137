package io.firebreak.planreview;

import static io.firebreak.planreview.PlanReviewVariables.REVIEW_ID;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.firebreak.incident.OverduePlanReviews;
import io.firebreak.plan.PlanReviewStatus;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;

/**
 * The reviews on record, for /plans (each plan's last review and its open one) and the dashboard (the
 * overdue ones). A review counts as open while its row has no outcome and its plan-review instance
 * still runs: one cancelled in Cockpit is no longer waiting for anybody.
 */
@Component
class PlanReviews implements PlanReviewStatus, OverduePlanReviews {

	static final String PROCESS = "plan-review";
	/** Starts {@value #PROCESS} on its timer: Camunda 7 allows no timer start beside a none start event. */
	static final String CYCLE_PROCESS = "plan-review-cycle";

	private final PlanReviewRepository reviews;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final ManagementService management;
	private final Roster roster;

	PlanReviews(PlanReviewRepository reviews, RuntimeService runtime, TaskService tasks, ManagementService management,
			Roster roster) {
		this.reviews = reviews;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.roster = roster;
	}

	@Override
	public Map<String, Status> byPlan(Instant now) {
		Map<String, Review> last = reviews.lastClosedOfEachPlan().stream()
			.collect(Collectors.toMap(PlanReview::planKey, review -> new Review(review.planVersion(),
					review.outcome().value(), review.notes(), review.reviewer(), nameOf(review.reviewer()),
					review.reviewedAt())));
		Map<String, OpenReview> open = new LinkedHashMap<>();
		for (PlanReview review : open()) {
			open.putIfAbsent(review.planKey(), new OpenReview(review.planVersion(), review.owner(), nameOf(review.owner()),
					review.due(), review.overdue(now)));
		}
		Map<String, Status> status = new LinkedHashMap<>();
		last.keySet().forEach(key -> status.put(key, new Status(last.get(key), open.get(key))));
		open.keySet().forEach(key -> status.putIfAbsent(key, new Status(null, open.get(key))));
		return status;
	}

	@Override
	public Optional<Instant> nextCycle() {
		// the timer start event's job: one per deployed version that has it, no process instance yet
		return management.createJobQuery().processDefinitionKey(CYCLE_PROCESS).timers().list().stream()
			.filter(job -> job.getProcessInstanceId() == null)
			.map(Job::getDuedate)
			.filter(Objects::nonNull)
			.map(java.util.Date::toInstant)
			.min(Comparator.naturalOrder());
	}

	@Override
	public List<OverdueReview> overdue(Instant now) {
		return open().stream().filter(review -> review.overdue(now))
			.map(review -> new OverdueReview(review.planKey(), review.planTitle(), review.planVersion(), review.owner(),
					nameOf(review.owner()), review.due(), taskOf(review).map(Task::getId).orElse(null)))
			.toList();
	}

	/** Open rows whose instance still runs, soonest due first. */
	private List<PlanReview> open() {
		List<PlanReview> open = reviews.open();
		if (open.isEmpty()) {
			return open;
		}
		Set<String> running = runtime.createProcessInstanceQuery()
			.processInstanceIds(open.stream().map(PlanReview::processInstanceId).collect(Collectors.toSet()))
			.list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
		return open.stream().filter(review -> running.contains(review.processInstanceId())).toList();
	}

	/** The review's task among its cycle's (one per plan): the one that sees the review's id. */
	private Optional<Task> taskOf(PlanReview review) {
		return tasks.createTaskQuery().processInstanceId(review.processInstanceId()).list().stream()
			.filter(task -> Objects.equals(toLong(tasks.getVariable(task.getId(), REVIEW_ID)), review.id()))
			.findFirst();
	}

	private static Long toLong(Object value) {
		return value instanceof Number number ? number.longValue() : null;
	}

	private String nameOf(String person) {
		return person == null ? null : roster.person(person).map(Person::name).orElse(person);
	}
}
