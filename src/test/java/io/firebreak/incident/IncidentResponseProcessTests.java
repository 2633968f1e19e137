package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static io.firebreak.alert.AlertFixtures.pagerDuty;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.firebreak.FirebreakSpringTest;
import io.firebreak.alert.AlertIntake;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.postmortem.PostmortemDriver;
import io.firebreak.roster.Roster;

/** The real incident-response plan, its priority table and forms' variables, driven path by path. */
@FirebreakSpringTest
@Import({ ProcessEngineCoverageConfiguration.class, IncidentResponseProcessTests.Coverage.class })
class IncidentResponseProcessTests {

	@TestConfiguration
	static class Coverage {
		@Bean
		ProcessEngineCoverageProperties processEngineCoverageProperties() {
			return ProcessEngineCoverageProperties.Companion.builder().assertClassCoverageAtLeast(0.9).build();
		}
	}

	@Autowired
	ProcessEngine engine;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	IncidentRepository incidents;

	@Autowired
	TimelineRepository timeline;

	@Autowired
	Roster roster;

	@Autowired
	io.firebreak.notification.NotificationRepository notifications;

	@Autowired
	AlertIntake alerts;

	IncidentResponseDriver driver;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new IncidentResponseDriver(engine, declarations, roster);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	static final String ASSESS = "UserTask_AssessIncident";
	static final String ACKNOWLEDGE = "UserTask_AcknowledgePage";
	static final String CONTAIN = "UserTask_ContainIncident";
	static final String MITIGATE = "UserTask_MitigateIncident";
	static final String VERIFY = "UserTask_VerifyRecovery";
	static final String RESOLVE = "UserTask_ResolveIncident";
	static final String POSTMORTEM = "CallActivity_Postmortem";
	static final String DEBRIEF = "UserTask_DrillDebrief";
	static final String RESPOND = "SubProcess_Respond";
	static final String NOTIFY_INITIAL = "ServiceTask_NotifyInitial";
	static final String NOTIFY_RESOLUTION = "ServiceTask_NotifyResolution";
	static final String CADENCE = "Timer_UpdateCadence";
	static final String POST_UPDATE = "UserTask_PostStatusUpdate";
	static final String OVERDUE = "Timer_UpdateOverdue";
	static final String POST_OVERDUE_UPDATE = "UserTask_PostOverdueStatusUpdate";
	static final String SEND_UPDATE = "ServiceTask_SendStatusUpdate";

	@Test
	void pagesAtDeclarationAssessesInParallelAndWorksTheIncidentToClosed() {
		ProcessInstance instance = driver.declare("Checkout errors", "checkout", "significant", "high", false);
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		assertThat(instance).isWaitingAt(ASSESS, "ServiceTask_PageOnCall");
		assertThat(instance).variables().containsEntry("severity", "SEV2").containsEntry("ackTimeout", "PT15M");
		assertThat(task(ASSESS, instance)).hasCandidateGroup("incident-commanders");
		assertThat(job("ServiceTask_PageOnCall", instance)).as("the page is its own job").isNotNull();

		driver.runJob(instance);
		assertThat(task(ACKNOWLEDGE, instance)).isAssignedTo("oncall");
		driver.complete(instance, ACKNOWLEDGE, "oncall", Map.of("acknowledgementNote", "on it"));
		assertThat(instance).as("containment waits for the assessment").isWaitingAt(ASSESS).isNotWaitingAt(CONTAIN);

		driver.assess(instance, "significant", "high");
		assertThat(instance).as("the audiences hear of it first, in a job of its own").isWaitingAt(NOTIFY_INITIAL);
		driver.runJob(instance, NOTIFY_INITIAL);
		assertThat(task(CONTAIN, instance)).as("whoever acknowledged works the incident").isAssignedTo("oncall");
		driver.complete(instance, CONTAIN, "oncall", Map.of("containmentActions", "Drained eu-west"));
		assertThat(task(MITIGATE, instance)).isAssignedTo("oncall");
		driver.complete(instance, MITIGATE, "oncall", Map.of("mitigationActions", "Rolled back release 42"));
		assertThat(task(VERIFY, instance)).isAssignedTo("ic");
		driver.complete(instance, VERIFY, "ic", Map.of("recovered", true, "recoveryEvidence", "Error rate back to 0.1%"));
		driver.complete(instance, RESOLVE, "ic", Map.of("resolutionSummary", "Bad release rolled back"));
		assertThat(instance).isWaitingAt("ServiceTask_NotifyResolution");
		driver.runJob(instance);
		assertThat(instance).as("SEV2: the priority table requires a postmortem").isWaitingAt(POSTMORTEM);
		assertThat(incidents.findByKey(key).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
		new PostmortemDriver(engine, driver).workToPublished(key.value());

		assertThat(instance).isEnded().hasPassedInOrder("BusinessRuleTask_PreAssessPriority", "ServiceTask_PageOnCall",
				ACKNOWLEDGE, NOTIFY_INITIAL, CONTAIN, MITIGATE, VERIFY, RESOLVE, "ServiceTask_NotifyResolution", POSTMORTEM,
				"EndEvent_IncidentClosed").hasPassed(RESPOND, "EndEvent_Resolved");
		Incident incident = incidents.findByKey(key).orElseThrow();
		assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
		assertThat(incident.severity()).isEqualTo(Severity.SEV2);
		assertThat(incident.commander()).isEqualTo("ic");
		assertThat(incident.communicationsLead()).isEqualTo("comms");
		assertThat(incident.acknowledgedBy()).isEqualTo("oncall");
		assertThat(incident.assessedAt()).isNotNull();
		assertThat(incident.closedAt()).isNotNull();
		// STATUS_UPDATE: the initial notice and the resolution notice, each noted by Notify audiences
		// the postmortem's own steps and mails (owner, investigation, invitation, ...) come between resolution and review
		assertThat(timeline.findByIncident(key)).extracting(TimelineEvent::kind)
			.filteredOn(kind -> kind != Kind.STEP_COMPLETED && kind != Kind.NOTIFICATION)
			.containsExactly(Kind.DECLARED, Kind.SEVERITY_SET, Kind.PAGED, Kind.ACKNOWLEDGED, Kind.ASSESSED,
					Kind.SEVERITY_SET, Kind.STATUS_UPDATE, Kind.CONTAINED, Kind.MITIGATED, Kind.RECOVERY_CHECKED,
					Kind.RESOLVED, Kind.STATUS_UPDATE, Kind.POSTMORTEM_PUBLISHED, Kind.REVIEWED, Kind.CLOSED);
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.CONTAINED)
			.singleElement()
			.satisfies(e -> {
				assertThat(e.actor()).isEqualTo("oncall");
				assertThat(e.description()).contains("Drained eu-west");
				assertThat(e.taskName()).isEqualTo("Contain incident");
			});
		assertThat(notifications.forIncident(key.value())).extracting(n -> n.kind().name(), n -> n.status().name())
			.first().isEqualTo(org.assertj.core.groups.Tuple.tuple("PAGE", "CAPTURED"));
	}

	@Test
	void closesWithoutAReviewWhenThePriorityTableRequiresNone() {
		ProcessInstance instance = driver.declare("Slow admin page", "payments", "minor", "low", false);
		driver.assess(instance, "minor", "low");
		assertThat(instance).variables().containsEntry("severity", "SEV4").containsEntry("postmortemRequired", false);
		driver.runDueJobs(instance); // the page and the initial notice
		driver.complete(instance, ACKNOWLEDGE, "oncall", Map.of());
		driver.complete(instance, CONTAIN, "oncall", Map.of("containmentActions", "Feature flag off"));
		driver.complete(instance, MITIGATE, "oncall", Map.of("mitigationActions", "Index added"));
		driver.complete(instance, VERIFY, "ic", Map.of("recovered", true, "recoveryEvidence", "p99 200ms"));
		driver.complete(instance, RESOLVE, "ic", Map.of("resolutionSummary", "Index added"));
		driver.runJob(instance);

		assertThat(instance).isEnded().hasNotPassed(POSTMORTEM, DEBRIEF).hasPassed("Gateway_ReadyToClose");
	}

	@Test
	void aSev3GetsAPostmortemWhenTheCommanderAsksForOne() {
		ProcessInstance instance = driver.declare("Checkout slow", "checkout", "moderate", "medium", false);
		driver.workToResolved(instance, "moderate", "medium");
		assertThat(instance).variables().containsEntry("severity", "SEV3").containsEntry("postmortemRequired", false);
		assertThat(instance).isWaitingAt(NOTIFY_RESOLUTION);

		ProcessInstance asked = driver.declare("Checkout slow again", "checkout", "moderate", "medium", false);
		driver.runJob(asked);
		driver.complete(asked, ACKNOWLEDGE, "oncall", Map.of());
		driver.assess(asked, "moderate", "medium");
		driver.runDueJobs(asked);
		driver.complete(asked, CONTAIN, "oncall", Map.of("containmentActions", "Cache warmed"));
		driver.complete(asked, MITIGATE, "oncall", Map.of("mitigationActions", "Pool resized"));
		driver.complete(asked, VERIFY, "ic", Map.of("recovered", true, "recoveryEvidence", "p99 200ms"));
		driver.complete(asked, RESOLVE, "ic", Map.of("resolutionSummary", "Pool resized", "postmortemRequested", true));
		driver.runJob(instance);
		driver.runJob(asked, NOTIFY_RESOLUTION);

		assertThat(instance).as("not asked: closed").isEnded().hasNotPassed(POSTMORTEM);
		assertThat(asked).as("asked: the postmortem runs").isWaitingAt(POSTMORTEM);
	}

	@Test
	void aDrillEndsWithADebriefInsteadOfAPostmortem() {
		ProcessInstance instance = driver.declare("Drill: checkout down", "checkout", "extensive", "critical", true);
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		driver.workToResolved(instance, "extensive", "critical");
		driver.runJob(instance, NOTIFY_RESOLUTION);
		assertThat(task(DEBRIEF, instance)).isAssignedTo("ic");
		driver.complete(instance, DEBRIEF, "ic", Map.of("debriefWentWell", "Paged in 2 minutes",
				"debriefToPractise", "Rollback"));

		assertThat(instance).isEnded().hasPassed(DEBRIEF).hasNotPassed(POSTMORTEM);
		assertThat(incidents.findByKey(key).orElseThrow().status()).isEqualTo(IncidentStatus.CLOSED);
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.REVIEWED).singleElement()
			.satisfies(e -> assertThat(e.description()).contains("Paged in 2 minutes"));
	}

	@Test
	void theAssessmentChangesThePreAssessedSeverity() {
		ProcessInstance instance = driver.declare("Checkout slow", "checkout", "moderate", "medium", false);
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		assertThat(incidents.findByKey(key).orElseThrow().severity()).isEqualTo(Severity.SEV3);

		driver.assess(instance, "extensive", "critical");

		assertThat(incidents.findByKey(key).orElseThrow().severity()).isEqualTo(Severity.SEV1);
		assertThat(instance).variables().containsEntry("severity", "SEV1").containsEntry("postmortemRequired", true);
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.SEVERITY_CHANGED)
			.singleElement()
			.extracting(TimelineEvent::description)
			.isEqualTo("Severity changed from SEV3 to SEV1 by the assessment (impact extensive, urgency critical)");
	}

	@Test
	void goesBackToContainmentWhenRecoveryIsNotConfirmed() {
		ProcessInstance instance = acknowledgedAndAssessed("Payments timeouts", "payments");
		driver.complete(instance, CONTAIN, "oncall", Map.of("containmentActions", "Rate limited partner API"));
		driver.complete(instance, MITIGATE, "oncall", Map.of("mitigationActions", "Raised pool size"));
		driver.complete(instance, VERIFY, "ic", Map.of("recovered", false, "recoveryEvidence", "Timeouts still at 5%"));

		assertThat(instance).isWaitingAt(CONTAIN);
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		Incident incident = incidents.findByKey(key).orElseThrow();
		assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
		assertThat(incident.containedAt()).as("the first containment time is kept").isNotNull();

		driver.complete(instance, CONTAIN, "oncall", Map.of("containmentActions", "Failed over to secondary partner"));
		driver.complete(instance, MITIGATE, "oncall", Map.of("mitigationActions", "Partner fixed their gateway"));
		driver.complete(instance, VERIFY, "ic", Map.of("recovered", true, "recoveryEvidence", "Timeouts 0%"));
		assertThat(instance).isWaitingAt(RESOLVE);
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.CONTAINED).hasSize(2);
	}

	@Test
	void aSev1OnCheckoutPagesOncallAndEscalatesToOncall2AfterTheAcknowledgementTimeout() {
		ProcessInstance instance = driver.declare("Checkout down", "checkout", "extensive", "critical", false);
		driver.runJob(instance);
		assertThat(task(ACKNOWLEDGE, instance)).isAssignedTo("oncall");
		assertThat(instance).variables().containsEntry("pageAckTimeout", "PT5M").containsEntry("escalationExhausted", false);
		Date due = task(ACKNOWLEDGE, instance).getDueDate();
		assertThat(due).as("SEV1 acknowledgement is due within the 5 minute timeout")
			.isBeforeOrEqualTo(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(5))));
		assertThat(task(ASSESS, instance).getDueDate()).as("so is the SEV1 assessment")
			.isBeforeOrEqualTo(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(5))));

		ClockUtil.offset(Duration.ofMinutes(4).toMillis());
		assertThat(job(instance)).as("nothing escalates before the timeout").matches(job -> job.getDuedate().after(ClockUtil.now()));

		ClockUtil.offset(Duration.ofMinutes(6).toMillis());
		driver.runJob(instance); // the acknowledgement timer
		assertThat(instance).isWaitingAt("ServiceTask_EscalatePage");
		driver.runJob(instance); // the escalation page, its own job
		assertThat(task(ACKNOWLEDGE, instance)).isAssignedTo("oncall2");

		driver.complete(instance, ACKNOWLEDGE, "oncall2", Map.of());
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		assertThat(incidents.findByKey(key).orElseThrow().acknowledgedBy()).isEqualTo("oncall2");
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().count())
			.as("acknowledging stops the escalation").isZero();
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.ESCALATED)
			.extracting(TimelineEvent::description)
			.containsExactly("Not acknowledged by oncall in time; escalated to oncall2"
					+ " (step 2 of 7: Secondary on-call of Platform)");
	}

	@Test
	void theEscalationPolicyRunsItsLevelsAsOftenAsItRepeatsAndEndsWithTheCommanders() {
		ProcessInstance instance = driver.declare("Checkout down", "checkout", "extensive", "critical", false);
		driver.runJob(instance);
		// demo policy of platform: primary, secondary, the manager (15 min), repeated once, then the commanders
		java.util.List<String> pagedInTurn = new java.util.ArrayList<>(java.util.List.of(task(ACKNOWLEDGE, instance).getAssignee()));
		Duration elapsed = Duration.ZERO;
		while (!engine.getRuntimeService().getVariable(instance.getId(), "escalationExhausted").equals(true)) {
			elapsed = elapsed.plus(Duration.parse((String) engine.getRuntimeService().getVariable(instance.getId(),
					"pageAckTimeout"))).plusMinutes(1);
			ClockUtil.offset(elapsed.toMillis());
			driver.runJob(instance); // the timer
			driver.runJob(instance); // the escalation page
			pagedInTurn.add(task(ACKNOWLEDGE, instance).getAssignee());
		}
		assertThat(pagedInTurn).containsExactly("oncall", "oncall2", "ic", "oncall", "oncall2", "ic", "ic");
		assertThat(instance).variables().containsEntry("escalationLevel", 6);

		ClockUtil.offset(elapsed.plusMinutes(10).toMillis());
		driver.runJob(instance); // the last timer: no level left
		assertThat(instance).isWaitingAt("UserTask_AcknowledgeLastPage");
		assertThat(task("UserTask_AcknowledgeLastPage", instance)).isAssignedTo("ic");
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
			.as("nothing escalates after the last level").isZero();

		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		assertThat(notifications.forIncident(key.value())).extracting(n -> n.key())
			.as("the commanders' step pages every commander of the pool")
			.contains(key + "/page/0", key + "/page/1", key + "/page/2", key + "/page/6/ic",
					key + "/page/6/admin");
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.ESCALATED)
			.extracting(TimelineEvent::description)
			.hasSize(6)
			.last().isEqualTo("Not acknowledged by ic in time; escalated to ic, admin (step 7 of 7: the incident commanders)");

		driver.complete(instance, "UserTask_AcknowledgeLastPage", "admin", Map.of());
		assertThat(incidents.findByKey(key).orElseThrow().acknowledgedBy()).isEqualTo("admin");
		assertThat(instance).as("acknowledged, the response waits only for the assessment")
			.isWaitingAt(ASSESS, "Gateway_ResponseReady");
	}

	@Test
	void theCommanderOverridesTheTableWithAReason() {
		ProcessInstance instance = driver.declare("Login slow", "identity", "moderate", "medium", false);
		driver.complete(instance, ASSESS, "ic", Map.of("impact", "moderate", "urgency", "medium", "service", "identity",
				"commander", "ic", "severityOverride", "SEV1", "severityOverrideReason", "Regulator deadline today"));

		assertThat(instance).variables().containsEntry("tableSeverity", "SEV3").containsEntry("severity", "SEV1");
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		assertThat(incidents.findByKey(key).orElseThrow().severity()).isEqualTo(Severity.SEV1);
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.SEVERITY_CHANGED)
			.singleElement()
			.extracting(TimelineEvent::description)
			.isEqualTo("Severity SEV1 set by ic, overriding the priority table's SEV3: Regulator deadline today");
		driver.runJob(instance, "ServiceTask_PageOnCall");
		assertThat(task(ACKNOWLEDGE, instance)).as("identity is owned by the security team").isAssignedTo("security");
	}

	@Test
	void rejectsAnOverrideWithoutAReasonAndKeepsTheTaskOpen() {
		ProcessInstance instance = driver.declare("Login slow", "identity", "moderate", "medium", false);
		String taskId = task(ASSESS, instance).getId();
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		int events = timeline.findByIncident(key).size();

		assertThatThrownBy(() -> driver.complete(instance, ASSESS, "ic", Map.of("impact", "moderate", "urgency",
				"medium", "service", "identity", "commander", "ic", "severityOverride", "SEV1")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("give a reason when overriding the severity to SEV1");

		assertThat(task(ASSESS, instance).getId()).isEqualTo(taskId);
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "severityOverride")).isNull();
		assertThat(incidents.findByKey(key).orElseThrow().assessedAt()).isNull();
		assertThat(timeline.findByIncident(key)).hasSize(events);
	}

	@Test
	void rejectsAFormWithInvalidValuesOnTheServer() {
		ProcessInstance instance = acknowledgedAndAssessed("Checkout errors", "checkout");

		assertThatThrownBy(() -> driver.complete(instance, CONTAIN, "oncall", Map.of("containmentActions", "  ")))
			.hasMessageContaining("What did you isolate or stop? is required");
		assertThatThrownBy(() -> driver.complete(instance, CONTAIN, "oncall",
				Map.of("containmentActions", "x".repeat(4001))))
			.hasMessageContaining("What did you isolate or stop? is 4001 characters long; at most 4000 are allowed");
		assertThat(instance).isWaitingAt(CONTAIN);
		assertThat(incidents.findByKey(new IncidentKey(instance.getBusinessKey())).orElseThrow().containedAt()).isNull();
	}

	@Test
	void aTaskCompletedTwiceChangesNothingTheSecondTime() {
		ProcessInstance instance = acknowledgedAndAssessed("Checkout errors", "checkout");
		String taskId = task(CONTAIN, instance).getId();
		driver.complete(instance, CONTAIN, "oncall", Map.of("containmentActions", "Drained eu-west"));
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		int events = timeline.findByIncident(key).size();

		assertThatThrownBy(() -> driver.as("oncall", () -> {
			engine.getTaskService().complete(taskId, Map.of("containmentActions", "again"));
			return null;
		})).isInstanceOf(ProcessEngineException.class);

		assertThat(instance).isWaitingAt(MITIGATE);
		assertThat(timeline.findByIncident(key)).hasSize(events);
	}

	@Test
	void aDeclarationStartedFromTasklistGetsTheNextKeyAsBusinessKey() {
		ProcessInstance instance = driver.as("oncall", () -> engine.getRuntimeService()
			.startProcessInstanceByKey("incident-response", Map.of("title", "Cart empty", "service", "checkout",
					"impact", "moderate", "urgency", "high", "incidentType", "operational", "drill", true)));

		String key = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
			.singleResult().getBusinessKey();
		assertThat(key).matches("INC-\\d{4}-\\d{4,}");
		assertThat(instance).variables().containsEntry("incidentKey", key).containsEntry("declaredBy", "oncall");
		Incident incident = incidents.findByKey(new IncidentKey(key)).orElseThrow();
		assertThat(incident.drill()).isTrue();
		assertThat(incident.declaredBy()).isEqualTo("oncall");
	}

	@Test
	void aStartWithInvalidValuesIsRejectedAndLeavesNothingBehind() {
		long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
		int incidentsBefore = incidents.findRecent(1000).size();

		assertThatThrownBy(() -> driver.as("oncall", () -> engine.getRuntimeService()
			.startProcessInstanceByKey("incident-response", Map.of("title", "Cart empty", "service", "checkout",
					"impact", "huge", "urgency", "high"))))
			.hasMessageContaining("impact must be one of extensive, significant, moderate, minor (was 'huge')");
		String plan = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("incident-response")
			.latestVersion().singleResult().getId();
		assertThatThrownBy(() -> driver.as("oncall", () -> engine.getFormService().submitStartForm(plan,
				Map.of("title", "Cart empty", "service", "checkout", "impact", "huge", "urgency", "high"))))
			.as("Tasklist's start form is checked against the form's own options")
			.hasMessageContaining("Impact must be one of: extensive, significant, moderate, minor; 'huge' is not");

		assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
		assertThat(incidents.findRecent(1000)).hasSize(incidentsBefore);
	}

	@Test
	void everyNotificationStepIsAnAsyncJob() {
		org.camunda.bpm.model.bpmn.BpmnModelInstance plan = engine.getRepositoryService()
			.getBpmnModelInstance(engine.getRepositoryService().createProcessDefinitionQuery()
				.processDefinitionKey("incident-response").latestVersion().singleResult().getId());
		for (String id : java.util.List.of("ServiceTask_PageOnCall", "ServiceTask_EscalatePage", NOTIFY_INITIAL, SEND_UPDATE,
				NOTIFY_RESOLUTION)) {
			org.camunda.bpm.model.bpmn.instance.ServiceTask task = plan.getModelElementById(id);
			assertThat(task.isCamundaAsyncBefore()).as(id).isTrue();
		}
	}

	static final Map<String, Object> STATUS_UPDATE = Map.of("conditions", "Checkout fails for 40% of EU customers",
			"actions", "Rolling back release 42", "needs", "A payments engineer", "currentStatus", "Rollback under way",
			"overview", "EU customers cannot pay", "nextSteps", "Next update in 30 minutes", "customerStatus", "identified",
			"customerMessage", "Some payments fail; we are rolling back a change");

	@Test
	void theCommunicationsLeadPostsAStatusUpdateOnTheSeveritysCadenceWhileTheResponseGoesOn() {
		ProcessInstance instance = acknowledgedAndAssessed("Checkout down", "checkout", "extensive", "critical");
		assertThat(instance).variables().containsEntry("updateCadence", "PT30M");
		assertThat(instance).isWaitingAt(CONTAIN).isNotWaitingAt(POST_UPDATE);
		assertThat(job(CADENCE, instance).getDuedate()).as("the first update is due one cadence after the response began")
			.isCloseTo(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(30))), 60_000);

		ClockUtil.offset(Duration.ofMinutes(31).toMillis());
		driver.runJob(instance, CADENCE);
		assertThat(instance).isWaitingAt(CONTAIN, POST_UPDATE);
		assertThat(task(POST_UPDATE, instance)).isAssignedTo("comms");
		assertThat(candidateGroups(POST_UPDATE, instance)).containsExactlyInAnyOrder("communications", "incident-commanders");
		assertThat(task(POST_UPDATE, instance).getDueDate())
			.isCloseTo(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(30))), 60_000);
		Map<String, Object> prefilled = engine.getTaskService().getVariables(task(POST_UPDATE, instance).getId());
		assertThat(prefilled).as("the first update starts from the assessment and the declaration")
			.containsEntry("conditions", "Payments fail for EU").containsEntry("overview", "what we see")
			.containsEntry("customerStatus", "investigating").containsEntry("title", "Checkout down")
			.containsEntry("severity", "SEV1");

		driver.complete(instance, POST_UPDATE, "comms", STATUS_UPDATE);
		assertThat(instance).isWaitingAt(CONTAIN, SEND_UPDATE);
		assertThat(instance).variables().containsAllEntriesOf(STATUS_UPDATE);
		driver.runJob(instance, SEND_UPDATE);
		assertThat(instance).hasPassedInOrder(POST_UPDATE, "Gateway_StatusUpdatePosted", SEND_UPDATE,
				"EndEvent_StatusUpdateSent").isWaitingAt(CONTAIN);
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.STEP_COMPLETED)
			.anySatisfy(e -> assertThat(e.description()).startsWith("Post status update — ")
				.contains("Conditions: Checkout fails for 40% of EU customers"));
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.STATUS_UPDATE)
			.as("the initial notice, then the update sent").hasSize(2);

		ClockUtil.offset(Duration.ofMinutes(61).toMillis());
		driver.runJob(instance, CADENCE);
		assertThat(task(POST_UPDATE, instance)).as("again after the cadence").isAssignedTo("comms");
		assertThat(engine.getTaskService().getVariables(task(POST_UPDATE, instance).getId()))
			.as("the next update starts from the last one").containsAllEntriesOf(STATUS_UPDATE);
		driver.complete(instance, POST_UPDATE, "comms", Map.of("conditions", "Error rate falling", "actions",
				"Watching the rollback", "customerStatus", "monitoring"));
		driver.runJob(instance, SEND_UPDATE);
		assertThat(instance).variables().containsEntry("conditions", "Error rate falling")
			.containsEntry("customerStatus", "monitoring").containsEntry("overview", "EU customers cannot pay");

		driver.complete(instance, CONTAIN, "oncall", Map.of("containmentActions", "Drained eu-west"));
		driver.complete(instance, MITIGATE, "oncall", Map.of("mitigationActions", "Rolled back release 42"));
		driver.complete(instance, VERIFY, "ic", Map.of("recovered", true, "recoveryEvidence", "Error rate 0.1%"));
		driver.complete(instance, RESOLVE, "ic", Map.of("resolutionSummary", "Bad release rolled back"));
		assertThat(instance).as("resolving ends the cadence").isWaitingAt(NOTIFY_RESOLUTION).hasPassed("EndEvent_Resolved", RESPOND);
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().count())
			.isZero();
	}

	@Test
	void anUpdateNotPostedWithinTheCadenceGoesToTheCommander() {
		ProcessInstance instance = acknowledgedAndAssessed("Checkout down", "checkout", "extensive", "critical");
		ClockUtil.offset(Duration.ofMinutes(31).toMillis());
		driver.runJob(instance, CADENCE);
		assertThat(job(OVERDUE, instance).getDuedate()).as("overdue one cadence after it was asked for")
			.isCloseTo(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(30))), 60_000);

		ClockUtil.offset(Duration.ofMinutes(62).toMillis());
		driver.runJob(instance, OVERDUE);
		assertThat(instance).isWaitingAt(CONTAIN, POST_OVERDUE_UPDATE).isNotWaitingAt(POST_UPDATE);
		assertThat(task(POST_OVERDUE_UPDATE, instance)).isAssignedTo("ic");
		assertThat(candidateGroups(POST_OVERDUE_UPDATE, instance)).containsExactly("incident-commanders");
		driver.runJob(instance, CADENCE);
		assertThat(task(POST_UPDATE, instance)).as("the cadence goes on for the communications lead").isAssignedTo("comms");

		driver.complete(instance, POST_OVERDUE_UPDATE, "ic", STATUS_UPDATE);
		driver.runJob(instance, SEND_UPDATE);
		assertThat(instance).hasPassedInOrder(OVERDUE, POST_OVERDUE_UPDATE, "Gateway_StatusUpdatePosted", SEND_UPDATE,
				"EndEvent_StatusUpdateSent").isWaitingAt(CONTAIN, POST_UPDATE);
		assertThat(instance).variables().containsAllEntriesOf(STATUS_UPDATE);
	}

	@Test
	void resolvingTheIncidentWithdrawsTheUpdatesNobodyPostedSoNoStaleUpdateFollowsTheResolution() {
		ProcessInstance instance = acknowledgedAndAssessed("Checkout down", "checkout", "extensive", "critical");
		ClockUtil.offset(Duration.ofMinutes(31).toMillis());
		driver.runJob(instance, CADENCE);
		ClockUtil.offset(Duration.ofMinutes(62).toMillis());
		driver.runJob(instance, OVERDUE);
		driver.runJob(instance, CADENCE);
		assertThat(instance).isWaitingAt(CONTAIN, POST_UPDATE, POST_OVERDUE_UPDATE);

		driver.complete(instance, CONTAIN, "oncall", Map.of("containmentActions", "Drained eu-west"));
		driver.complete(instance, MITIGATE, "oncall", Map.of("mitigationActions", "Rolled back release 42"));
		driver.complete(instance, VERIFY, "ic", Map.of("recovered", true, "recoveryEvidence", "Error rate 0.1%"));
		assertThat(instance).as("recovery is not resolution").isWaitingAt(RESOLVE, POST_UPDATE, POST_OVERDUE_UPDATE);
		driver.complete(instance, RESOLVE, "ic", Map.of("resolutionSummary", "Bad release rolled back"));

		assertThat(instance).isWaitingAt(NOTIFY_RESOLUTION).isNotWaitingAt(POST_UPDATE, POST_OVERDUE_UPDATE)
			.hasPassed("EndEvent_UpdateNoLongerNeeded", "EndEvent_OverdueUpdateNoLongerNeeded")
			.hasNotPassed(SEND_UPDATE);
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void withoutACommunicationsLeadTheUpdateWaitsForTheCommunicationsGroup() {
		ProcessInstance instance = driver.declare("Checkout slow", "checkout", "moderate", "medium", false);
		driver.runJob(instance);
		driver.complete(instance, ACKNOWLEDGE, "oncall", Map.of());
		driver.complete(instance, ASSESS, "ic", Map.of("impact", "moderate", "urgency", "medium", "service", "checkout",
				"commander", "ic"));
		driver.runJob(instance, NOTIFY_INITIAL);
		assertThat(instance).variables().containsEntry("updateCadence", "PT4H").doesNotContainKey("communicationsLead");

		ClockUtil.offset(Duration.ofHours(4).plusMinutes(1).toMillis());
		driver.runJob(instance, CADENCE);

		assertThat(task(POST_UPDATE, instance)).isNotAssigned().hasCandidateGroup("communications");
		assertThat(engine.getTaskService().getVariables(task(POST_UPDATE, instance).getId()))
			.as("no customer impact given: nothing to start the conditions from").containsEntry("conditions", null);
	}

	static final String REVIEW_ALERT = "UserTask_ReviewResolvedAlert";

	@Test
	void alertsAreRecordedByThePlanAndAResolveAtTheSourceAsksTheCommanderForAReview() {
		AlertIntake.Outcome declared = alerts.pagerDuty(pagerDuty("trigger", "plan/1", "Checkout 5xx", "critical", "checkout"));
		assertThat(declared.result()).isEqualTo(AlertIntake.Result.DECLARED);
		IncidentKey key = declared.incident().orElseThrow();
		ProcessInstance instance = instanceOf(key);
		assertThat(instance).isWaitingAt(ASSESS, "ServiceTask_PageOnCall").hasNotPassed("ServiceTask_RecordAlert");
		assertThat(instance).variables().containsEntry("declaredBy", "pagerduty-events").containsEntry("severity", "SEV1");

		alerts.pagerDuty(pagerDuty("trigger", "plan/1", "Checkout 5xx, now on every region", "critical", "checkout"));
		assertThat(instance).hasPassed("ServiceTask_RecordAlert", "EndEvent_AlertRecorded");
		alerts.pagerDuty(pagerDuty("resolve", "plan/1", null, null, null));

		assertThat(instance).isWaitingAt(ASSESS, "ServiceTask_PageOnCall", REVIEW_ALERT);
		assertThat(task(REVIEW_ALERT, instance)).hasCandidateGroup("incident-commanders");
		driver.complete(instance, REVIEW_ALERT, "ic", Map.of("alertReviewNote", "Errors at baseline; verifying"));
		assertThat(instance).hasPassed("ServiceTask_RecordResolvedAlert", "EndEvent_ResolvedAlertReviewed")
			.isWaitingAt(ASSESS, "ServiceTask_PageOnCall");
		assertThat(timeline.findByIncident(key)).extracting(TimelineEvent::kind).containsExactly(Kind.DECLARED,
				Kind.SEVERITY_SET, Kind.ALERT_FIRING, Kind.ALERT_FIRING, Kind.ALERT_RESOLVED, Kind.STEP_COMPLETED);
		assertThat(timeline.findByIncident(key)).last().satisfies(e -> {
			assertThat(e.actor()).isEqualTo("ic");
			assertThat(e.description()).isEqualTo("Review resolved alert — Your note (optional): Errors at baseline; verifying");
		});
	}

	@Test
	void closingTheIncidentEndsAnAlertReviewNobodyDid() {
		IncidentKey key = alerts.pagerDuty(pagerDuty("trigger", "plan/2", "Payments slow", "warning", "payments"))
			.incident().orElseThrow();
		alerts.pagerDuty(pagerDuty("resolve", "plan/2", null, null, null));
		ProcessInstance instance = instanceOf(key);
		assertThat(instance).isWaitingAt(REVIEW_ALERT);

		driver.workToClosed(key);

		assertThat(instance).isEnded().hasPassed("EndEvent_IncidentClosed").hasNotPassed("EndEvent_ResolvedAlertReviewed");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(incidents.findByKey(key).orElseThrow().status()).isEqualTo(IncidentStatus.CLOSED);
	}

	private java.util.List<String> candidateGroups(String taskDefinitionKey, ProcessInstance instance) {
		return engine.getTaskService().getIdentityLinksForTask(task(taskDefinitionKey, instance).getId()).stream()
			.filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).toList();
	}

	private ProcessInstance instanceOf(IncidentKey key) {
		return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key.value()).singleResult();
	}

	private ProcessInstance acknowledgedAndAssessed(String title, String service) {
		return acknowledgedAndAssessed(title, service, "significant", "high");
	}

	private ProcessInstance acknowledgedAndAssessed(String title, String service, String impact, String urgency) {
		ProcessInstance instance = driver.declare(title, service, impact, urgency, false);
		driver.runJob(instance);
		driver.complete(instance, ACKNOWLEDGE, "oncall", Map.of());
		driver.assess(instance, impact, urgency);
		driver.runJob(instance, NOTIFY_INITIAL);
		return instance;
	}
}
