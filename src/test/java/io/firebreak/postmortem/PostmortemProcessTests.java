package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemDriver.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.property.Attendee;
import io.firebreak.FirebreakSpringTest;
import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.notification.Notification;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationRepository;
import io.firebreak.roster.Roster;

/** processes/postmortem.bpmn on the real engine, called by the main plan after a SEV1's resolution. */
@FirebreakSpringTest
class PostmortemProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	IncidentRepository incidents;

	@Autowired
	Roster roster;

	@Autowired
	Postmortems postmortems;

	@Autowired
	NotificationRepository notifications;

	IncidentResponseDriver driver;

	PostmortemDriver postmortem;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new IncidentResponseDriver(engine, declarations, roster);
		postmortem = new PostmortemDriver(engine, driver);
	}

	@Test
	void aResolvedSev1IsAnalysedApprovedPublishedAndShared() {
		ProcessInstance plan = resolvedSev1();
		String key = plan.getBusinessKey();
		ProcessInstance analysis = postmortem.of(key);
		assertThat(analysis.getBusinessKey()).isEqualTo(key);
		assertThat(task(ASSIGN_OWNER, analysis)).isAssignedTo("ic");
		assertThat(analysis).variables().containsEntry("postmortemOwner", "ic");

		driver.complete(analysis, ASSIGN_OWNER, "ic", Map.of("postmortemOwner", "oncall"));
		assertThat(task(INVESTIGATE, analysis)).as("the owner investigates").isAssignedTo("oncall");
		assertThat(task(SCHEDULE_REVIEW, analysis)).isAssignedTo("oncall");
		Date deadline = (Date) engine.getRuntimeService().getVariable(analysis.getId(), "reviewDeadline");
		assertThat(task(INVESTIGATE, analysis).getDueDate()).isEqualTo(deadline);

		Instant meeting = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		driver.complete(analysis, INVESTIGATE, "oncall", Map.of("evidence", "https://grafana.example/d/1"));
		driver.complete(analysis, SCHEDULE_REVIEW, "oncall", Map.of("reviewMeetingAt", meeting.toString(),
				"reviewParticipants", SpinValues.jsonValue("[\"oncall2\",\"comms\"]").create()));
		assertThat(analysis).as("the invitation is a job of its own").isWaitingAt("ServiceTask_SendInvitation");
		driver.runJob(analysis, "ServiceTask_SendInvitation");

		Notification invitation = only(key, NotificationKind.REVIEW_INVITATION);
		assertThat(invitation.recipients()).contains("oncall@firebreak.example", "oncall2@firebreak.example",
				"comms@firebreak.example");
		ICalendar calendar = Biweekly.parse(invitation.calendar()).first();
		assertThat(calendar.getEvents().get(0).getDateStart().getValue().toInstant()).isEqualTo(meeting);
		assertThat(calendar.getEvents().get(0).getAttendees()).extracting(Attendee::getEmail)
			.contains("oncall2@firebreak.example", "comms@firebreak.example");
		assertThat(postmortems.report(new IncidentKey(key)).orElseThrow().postmortem().reviewMeetingAt())
			.isEqualTo(meeting);

		driver.complete(analysis, REVIEW_MEETING, "oncall", withItems(List.of(ACTION_ITEM)));
		assertThat(task(APPROVE, analysis)).isAssignedTo("ic");
		approve(analysis);

		assertThat(analysis).isEnded().hasPassedInOrder("ServiceTask_PublishPostmortem",
				"ServiceTask_SharePostmortem", "ServiceTask_StartActionItems", "EndEvent_PostmortemPublished");
		assertThat(plan).as("the incident closes when the postmortem is published").isEnded();
		assertThat(incidents.findByKey(new IncidentKey(key)).orElseThrow().status()).isEqualTo(IncidentStatus.CLOSED);
		PostmortemReport report = postmortems.report(new IncidentKey(key)).orElseThrow();
		assertThat(report.postmortem().published()).isTrue();
		assertThat(report.postmortem().owner()).isEqualTo("oncall");
		assertThat(report.postmortem().approvedBy()).isEqualTo("ic");
		assertThat(report.postmortem().sections().rootCauses()).isEqualTo("Config changes bypass the canary stage");
		assertThat(only(key, NotificationKind.POSTMORTEM_PUBLISHED).recipients())
			.as("shared with the organisation").isEqualTo("engineering@firebreak.example");
	}

	@Test
	void theAssembledTimelineHoldsEveryMilestoneOfTheIncidentAndWhoDidWhat() {
		ProcessInstance plan = resolvedSev1();
		postmortem.workToPublished(plan.getBusinessKey());

		List<TimelineEntry> timeline = postmortems.report(new IncidentKey(plan.getBusinessKey())).orElseThrow()
			.postmortem().timeline();
		List<String> lines = timeline.stream().map(entry -> entry.source() + " " + entry.actor() + ": " + entry.text())
			.toList();
		assertThat(timeline).extracting(TimelineEntry::at).isSorted();
		assertThat(String.join("\n", lines)).contains("Declared: Checkout down", "Severity SEV1", "Paged",
				"Contain incident", "Drained the zone", "Mitigate incident", "Verify recovery", "Resolve incident",
				"Bad release rolled back", "Hold review meeting", "Approve postmortem");
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("record oncall:").contains("Acknowledge"));
		assertThat(lines).as("task history: who had which task when")
			.anySatisfy(line -> assertThat(line).startsWith("task").contains("Contain incident", "oncall"));
		assertThat(lines).as("the notifications").anySatisfy(line -> assertThat(line).startsWith("notification")
			.contains("Page by email to oncall@firebreak.example"));
		assertThat(lines).as("status updates").anySatisfy(line -> assertThat(line).startsWith("record comms: Initial notice"));
	}

	@Test
	void theApproverSendsTheReviewBackWithWhatToChange() {
		ProcessInstance analysis = postmortem.workToApproval(resolvedSev1().getBusinessKey(), "ic");

		assertThatThrownBy(() -> driver.complete(analysis, APPROVE, "ic", Map.of("postmortemApproved", false)))
			.as("sending it back says what to change").hasMessageContaining("What to change");
		driver.complete(analysis, APPROVE, "ic", Map.of("postmortemApproved", false, "approvalNotes",
				"Name the missing alert"));
		assertThat(task(REVIEW_MEETING, analysis)).as("back to the owner").isAssignedTo("ic");
		assertThat(postmortems.report(new IncidentKey(analysis.getBusinessKey())).orElseThrow().postmortem().published())
			.isFalse();

		driver.complete(analysis, REVIEW_MEETING, "ic", withItems(List.of(ACTION_ITEM)));
		approve(analysis);
		assertThat(analysis).isEnded();
	}

	@Test
	void publishingIsRefusedWithoutARootCauseAndNothingIsPublished() {
		ProcessInstance analysis = postmortem.workToApproval(resolvedSev1().getBusinessKey(), "ic");
		engine.getRuntimeService().setVariable(analysis.getId(), "rootCauses", " ");

		assertThatThrownBy(() -> driver.complete(analysis, APPROVE, "ic", Map.of("postmortemApproved", true)))
			.isInstanceOf(ProcessEngineException.class).hasMessageContaining("root cause");
		assertThat(task(APPROVE, analysis)).as("still waiting for approval").isNotNull();
		assertThat(postmortems.report(new IncidentKey(analysis.getBusinessKey())).orElseThrow().postmortem().published())
			.isFalse();
	}

	@Test
	void theReviewNeedsActionItemsWithOwnersAndDueDatesOrAReasonNoneAreNeeded() {
		ProcessInstance analysis = postmortem.workToReviewMeeting(resolvedSev1().getBusinessKey(), "ic");

		assertThatThrownBy(() -> driver.complete(analysis, REVIEW_MEETING, "ic", withItems(List.of())))
			.hasMessageContaining("Action item 1 is required");
		Map<String, Object> ownerless = new HashMap<>(ACTION_ITEM);
		ownerless.remove("owner");
		assertThatThrownBy(() -> driver.complete(analysis, REVIEW_MEETING, "ic", withItems(List.of(ownerless))))
			.hasMessageContaining("Item 1 owner is required");
		Map<String, Object> undated = new HashMap<>(ACTION_ITEM);
		undated.remove("dueDate");
		assertThatThrownBy(() -> driver.complete(analysis, REVIEW_MEETING, "ic", withItems(List.of(undated))))
			.hasMessageContaining("Item 1 due date is required");
		Map<String, Object> second = new HashMap<>(ACTION_ITEM);
		second.put("title", "Page the database team too");
		second.put("priority", "urgent");
		assertThatThrownBy(() -> driver.complete(analysis, REVIEW_MEETING, "ic", withItems(List.of(ACTION_ITEM, second))))
			.as("the second slot is checked as the first").hasMessageContaining("Item 2 priority");
		Map<String, Object> noneNeeded = withItems(List.of());
		noneNeeded.put("noActionItemsNeeded", true);
		assertThatThrownBy(() -> driver.complete(analysis, REVIEW_MEETING, "ic", noneNeeded))
			.as("none needed says why").hasMessageContaining("Why no action items are needed");

		noneNeeded.put("noActionItemsReason", "The vendor fixed it; nothing of ours to change");
		driver.complete(analysis, REVIEW_MEETING, "ic", noneNeeded);
		approve(analysis);
		assertThat(analysis).isEnded();
		assertThat(engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(PostmortemVariables.ACTION_ITEM_PROCESS_ID)
			.processInstanceBusinessKey(analysis.getBusinessKey()).count()).isZero();
	}

	@Test
	void theReviewMeetingIsHeldBeforeTheDeadline() {
		ProcessInstance analysis = postmortem.of(resolvedSev1().getBusinessKey());
		driver.complete(analysis, ASSIGN_OWNER, "ic", Map.of("postmortemOwner", "ic"));
		String tooLate = Instant.now().plus(30, ChronoUnit.DAYS).toString();

		assertThatThrownBy(() -> driver.complete(analysis, SCHEDULE_REVIEW, "ic", Map.of("reviewMeetingAt", tooLate,
				"reviewParticipants", SpinValues.jsonValue("[\"oncall\"]").create())))
			.hasMessageContaining("must be no later than");
		assertThatThrownBy(() -> driver.complete(analysis, SCHEDULE_REVIEW, "ic", Map.of("reviewMeetingAt",
				Instant.now().plus(1, ChronoUnit.DAYS).toString(), "reviewParticipants",
				SpinValues.jsonValue("[\"nobody\"]").create())))
			.hasMessageContaining("nobody");
	}

	@Test
	void eachActionItemIsAFollowUpForItsOwnerDueAtTheEndOfItsDayWhereTheOwnerWorks() {
		ProcessInstance plan = resolvedSev1();
		postmortem.workToPublished(plan.getBusinessKey());

		ProcessInstance followUp = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(PostmortemVariables.ACTION_ITEM_PROCESS_ID)
			.processInstanceBusinessKey(plan.getBusinessKey()).singleResult();
		assertThat(task("UserTask_CompleteActionItem", followUp)).isAssignedTo("oncall2")
			.hasName("Action item: Canary every config change");
		LocalDate due = LocalDate.parse((String) ACTION_ITEM.get("dueDate"));
		assertThat(task("UserTask_CompleteActionItem", followUp).getDueDate().toInstant())
			.as("oncall2 works in New York").isEqualTo(due.plusDays(1).atStartOfDay(ZoneId.of("America/New_York"))
				.toInstant());
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(followUp.getId()).timers().list())
			.extracting(job -> job.getDuedate().toInstant())
			.contains(due.plusDays(1).atStartOfDay(ZoneId.of("America/New_York")).toInstant().minus(2, ChronoUnit.DAYS));
	}

	@Test
	void theOwnerIsRemindedBeforeItIsDueTheTeamToldWhenOverdueAndClosingRecordsTheOutcome() {
		ProcessInstance plan = resolvedSev1();
		String key = plan.getBusinessKey();
		postmortem.workToPublished(key);
		ProcessInstance followUp = engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(PostmortemVariables.ACTION_ITEM_PROCESS_ID).processInstanceBusinessKey(key)
			.singleResult();
		Instant due = task("UserTask_CompleteActionItem", followUp).getDueDate().toInstant();
		try {
			ClockUtil.setCurrentTime(Date.from(due.minus(1, ChronoUnit.DAYS)));
			driver.runDueJobs(followUp);
			Notification reminder = only(key, NotificationKind.ACTION_ITEM_REMINDER);
			assertThat(reminder.recipients()).as("the owner alone").isEqualTo("oncall2@firebreak.example");
			assertThat(reminder.subject()).startsWith("Action item due ").endsWith("Canary every config change");

			ClockUtil.setCurrentTime(Date.from(due.plus(1, ChronoUnit.HOURS)));
			driver.runDueJobs(followUp);
			List<Notification> notices = notifications.forIncident(key).stream()
				.filter(n -> n.kind() == NotificationKind.ACTION_ITEM_REMINDER).toList();
			assertThat(notices).hasSize(2);
			assertThat(notices).filteredOn(n -> n.subject().startsWith("Overdue")).singleElement()
				.satisfies(overdue -> assertThat(overdue.recipients()).as("the owner's team: Platform")
					.contains("oncall2@firebreak.example", "oncall@firebreak.example", "ic@firebreak.example"));
			assertThat(task("UserTask_CompleteActionItem", followUp)).as("still the owner's to close").isNotNull();
		}
		finally {
			ClockUtil.reset();
		}

		assertThatThrownBy(() -> driver.complete(followUp, "UserTask_CompleteActionItem", "oncall2",
				Map.of("actionItemOutcome", "wontDo"))).hasMessageContaining("Why it will not be done");
		driver.complete(followUp, "UserTask_CompleteActionItem", "oncall2", Map.of("actionItemOutcome", "wontDo",
				"actionItemOutcomeReason", "The config service is being replaced"));
		assertThat(followUp).isEnded();
		ActionItem closed = postmortems.report(new IncidentKey(key)).orElseThrow().actionItems().get(0);
		assertThat(closed.status()).isEqualTo(ActionItem.Status.WONT_DO);
		assertThat(closed.outcomeNote()).isEqualTo("The config service is being replaced");
		assertThat(closed.closedBy()).isEqualTo("oncall2");
	}

	private ProcessInstance resolvedSev1() {
		ProcessInstance plan = driver.declare("Checkout down", "checkout", "extensive", "critical", false);
		driver.workToResolved(plan, "extensive", "critical");
		driver.runJob(plan, "ServiceTask_NotifyResolution");
		assertThat(plan).isWaitingAt("CallActivity_Postmortem");
		return plan;
	}

	private void approve(ProcessInstance analysis) {
		postmortem.approve(analysis);
	}

	private static Map<String, Object> withItems(List<Map<String, Object>> items) {
		return review(new ArrayList<>(items));
	}

	private Notification only(String key, NotificationKind kind) {
		List<Notification> sent = notifications.forIncident(key).stream().filter(n -> n.kind() == kind).toList();
		assertThat(sent).as("%s notifications of %s", kind, key).hasSize(1);
		return sent.get(0);
	}
}
