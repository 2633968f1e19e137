package io.firebreak.planreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.firebreak.FirebreakSpringTest;
import io.firebreak.notification.Notification;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationRepository;
import io.firebreak.plan.ResponsePlans;
import io.firebreak.roster.Roster;

/**
 * processes/plan-review.bpmn on the real engine: one review task per deployed response plan for its
 * owner, the outcome on record, overdue reviews escalated to the admins on the test clock, and the
 * cycle's timer start. The main plan's owner comes from the configuration; the vendor plan names none.
 */
@FirebreakSpringTest
@TestPropertySource(properties = "firebreak.plan-reviews.owners.incident-response=ic")
class PlanReviewProcessTests {

	static final String MAIN = "incident-response";
	static final String VENDOR = "third-party-degradation";
	static final String SECURITY = "security-incident";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ResponsePlans plans;

	@Autowired
	PlanReviewRepository reviews;

	@Autowired
	PlanReviews planReviews;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	Roster roster;

	PlanReviewDriver driver;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new PlanReviewDriver(engine, roster);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theCycleGivesEveryResponsePlanOneReviewTaskForItsOwnerAndRecordsTheOutcome() {
		assertThat(plans.keys()).as("response plans only: not the follow-ups, deliveries or the review itself")
			.contains(MAIN, VENDOR, SECURITY).doesNotContain("postmortem", "action-item", "notification-delivery", "plan-review");
		Instant started = ClockUtil.now().toInstant();

		ProcessInstance cycle = driver.start("author");

		Map<String, Task> tasks = driver.tasksByPlan(cycle);
		assertThat(tasks).as("one review task per plan").containsOnlyKeys(plans.keys());
		Task main = tasks.get(MAIN);
		assertThat(main.getName()).isEqualTo("Review plan: Incident response");
		assertThat(main.getAssignee()).as("the owner configured for the plan").isEqualTo("ic");
		assertThat(main.getDueDate().toInstant()).isCloseTo(started.plus(14, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
		assertThat(candidateGroupsOf(main)).containsExactly("plan-authors");
		assertThat(tasks.get(VENDOR).getAssignee()).as("a plan with no owner: any plan author takes it").isNull();
		assertThat(engine.getTaskService().getVariables(main.getId())).as("every field of form-review-plan")
			.containsKeys("planKey", "planName", "planVersion", "planVersionTag", "planReviewOutcome", "reviewNotes")
			.containsEntry("planName", "Incident response")
			.containsEntry("planVersion", plans.latest(MAIN).orElseThrow().version())
			.containsEntry("reviewStartedBy", "author");

		long mainReview = reviewIdOf(main);
		long vendorReview = reviewIdOf(tasks.get(VENDOR));
		driver.complete(main, "ic", Map.of("planReviewOutcome", "changes-needed", "reviewNotes",
				"Page the database team for payments"));
		driver.complete(tasks.get(VENDOR), "author", Map.of("planReviewOutcome", "approved"));
		assertThat(tasks.get(SECURITY).getAssignee()).as("the plan's own firebreak.owner").isEqualTo("security");
		driver.complete(tasks.get(SECURITY), "security", Map.of("planReviewOutcome", "approved"));

		assertThat(cycle).isEnded();
		assertThat(reviews.find(mainReview)).hasValueSatisfying(review -> {
			assertThat(review.outcome()).isEqualTo(PlanReviewOutcome.CHANGES_NEEDED);
			assertThat(review.notes()).isEqualTo("Page the database team for payments");
			assertThat(review.reviewer()).isEqualTo("ic");
			assertThat(review.planVersion()).isEqualTo(plans.latest(MAIN).orElseThrow().version());
			assertThat(review.processInstanceId()).isEqualTo(cycle.getId());
		});
		assertThat(reviews.find(vendorReview)).hasValueSatisfying(review -> {
			assertThat(review.outcome()).isEqualTo(PlanReviewOutcome.APPROVED);
			assertThat(review.notes()).as("the other plan's notes stay with it").isNull();
			assertThat(review.reviewer()).isEqualTo("author");
		});
	}

	@Test
	void changesNeededSaysWhatAndAnOutcomeOutsideTheFormIsRefusedWithNothingRecorded() {
		ProcessInstance cycle = driver.start("admin");
		Task main = driver.tasksByPlan(cycle).get(MAIN);

		assertThatThrownBy(() -> driver.complete(main, "ic", Map.of("planReviewOutcome", "changes-needed")))
			.hasMessageContaining("What needs to change");
		assertThatThrownBy(() -> driver.complete(main, "ic", Map.of("planReviewOutcome", "looks-fine")))
			.hasMessageContaining("Outcome");

		assertThat(driver.tasksByPlan(cycle)).as("still waiting for its review").containsKey(MAIN);
		assertThat(reviews.open()).filteredOn(review -> review.processInstanceId().equals(cycle.getId()))
			.hasSize(plans.keys().size());
	}

	@Test
	void anOverdueReviewIsEscalatedToTheAdminsAndAgainEveryWeekUntilItIsDone() {
		ProcessInstance cycle = driver.start("author");
		Map<String, Task> tasks = driver.tasksByPlan(cycle);
		driver.complete(tasks.get(VENDOR), "author", Map.of("planReviewOutcome", "approved"));
		driver.complete(tasks.get(SECURITY), "security", Map.of("planReviewOutcome", "approved"));
		long mainReview = reviewIdOf(tasks.get(MAIN));

		ClockUtil.offset(Duration.ofDays(13).toMillis());
		driver.runDueJobs(cycle);
		assertThat(notifications.findByKey("plan-review/" + mainReview + "/overdue/1")).as("not due yet").isEmpty();
		assertThat(planReviews.overdue(ClockUtil.now().toInstant())).isEmpty();

		ClockUtil.offset(Duration.ofDays(14).plusMinutes(1).toMillis());
		driver.runDueJobs(cycle);

		Notification told = notifications.findByKey("plan-review/" + mainReview + "/overdue/1").orElseThrow();
		assertThat(told.kind()).isEqualTo(NotificationKind.PLAN_REVIEW_OVERDUE);
		assertThat(told.recipients()).as("the members of firebreak-admins").isEqualTo("admin@firebreak.example");
		assertThat(told.subject()).startsWith("Overdue plan review: Incident response v");
		assertThat(told.text()).contains("It waits for Ingrid Commander (ic).");
		assertThat(planReviews.overdue(ClockUtil.now().toInstant())).singleElement().satisfies(review -> {
			assertThat(review.planKey()).isEqualTo(MAIN);
			assertThat(review.owner()).isEqualTo("ic");
			assertThat(review.taskId()).isEqualTo(tasks.get(MAIN).getId());
		});
		assertThat(notifications.findByKey("plan-review/" + mainReview + "/overdue/2")).as("once per firing").isEmpty();

		ClockUtil.offset(Duration.ofDays(21).plusMinutes(2).toMillis());
		driver.runDueJobs(cycle);
		assertThat(notifications.findByKey("plan-review/" + mainReview + "/overdue/2")).as("a week later, again")
			.hasValueSatisfying(again -> assertThat(again.text()).contains("This is reminder 2."));

		driver.complete(tasks.get(MAIN), "ic", Map.of("planReviewOutcome", "approved"));
		assertThat(cycle).isEnded();
		assertThat(planReviews.overdue(ClockUtil.now().toInstant())).as("done: off the dashboard").isEmpty();
	}

	@Test
	void theCycleStartsAReviewEveryNinetyDaysFromItsFirstDateWhenEverItWasDeployed() {
		Job timer = cycleTimer();
		Instant deployed = engine.getRepositoryService().createProcessDefinitionQuery()
			.processDefinitionKey(PlanReviews.CYCLE_PROCESS).latestVersion().list().stream()
			.map(definition -> engine.getRepositoryService().createDeploymentQuery().deploymentId(definition.getDeploymentId())
				.singleResult().getDeploymentTime().toInstant())
			.findFirst().orElseThrow();
		Instant slot = Instant.parse("2026-01-05T09:00:00Z");
		while (!slot.isAfter(deployed)) {
			slot = slot.plus(90, ChronoUnit.DAYS);
		}
		assertThat(timer.getDuedate().toInstant()).as("${planReviewSchedule.cycle()}: R/2026-01-05T09:00:00Z/P90D")
			.isEqualTo(slot);

		ClockUtil.setCurrentTime(timer.getDuedate());
		engine.getManagementService().executeJob(timer.getId());

		ProcessInstance cycle = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(PlanReviews.CYCLE_PROCESS).singleResult();
		ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(cycle.getId())
			.singleResult();
		assertThat(review.getProcessDefinitionId()).startsWith(PlanReviews.PROCESS + ":");
		assertThat(driver.tasksByPlan(review)).as("one review task per plan").containsOnlyKeys(plans.keys());
		assertThat(cycleTimer().getDuedate().toInstant()).as("and again 90 days later")
			.isCloseTo(timer.getDuedate().toInstant().plus(90, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
	}

	private long reviewIdOf(Task task) {
		return (Long) engine.getTaskService().getVariable(task.getId(), PlanReviewVariables.REVIEW_ID);
	}

	private Job cycleTimer() {
		return engine.getManagementService().createJobQuery().processDefinitionKey(PlanReviews.CYCLE_PROCESS).timers()
			.singleResult();
	}

	private java.util.List<String> candidateGroupsOf(Task task) {
		return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
	}
}
