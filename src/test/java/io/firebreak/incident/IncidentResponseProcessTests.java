package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

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
import io.firebreak.incident.TimelineEvent.Kind;
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

	@Test
	void drivesAnIncidentFromDeclarationThroughReviewToClosed() {
		ProcessInstance instance = driver.declare("Checkout errors", "checkout", "significant", "high", false);
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		assertThat(instance).isWaitingAt("UserTask_AssessIncident");
		assertThat(task(instance)).hasCandidateGroup("incident-commanders");

		driver.assess(instance, "significant", "high");
		assertThat(instance).isWaitingAt("ServiceTask_PageOnCall");
		assertThat(instance).variables().containsEntry("severity", "SEV2").containsEntry("ackTimeout", "PT15M")
			.containsEntry("postmortemRequired", true);

		driver.runJob(instance);
		assertThat(instance).isWaitingAt("UserTask_AcknowledgePage");
		assertThat(task(instance)).isAssignedTo("oncall");

		driver.complete(instance, "oncall", Map.of("acknowledgementNote", "on it"));
		driver.complete(instance, "oncall", Map.of("containmentActions", "Drained eu-west"));
		driver.complete(instance, "oncall", Map.of("mitigationActions", "Rolled back release 42"));
		assertThat(task(instance)).hasDefinitionKey("UserTask_VerifyRecovery").isAssignedTo("ic");
		driver.complete(instance, "ic", Map.of("recovered", true, "recoveryEvidence", "Error rate back to 0.1%"));
		driver.complete(instance, "ic", Map.of("resolutionSummary", "Bad release rolled back"));
		assertThat(instance).isWaitingAt("UserTask_PostIncidentReview");
		driver.complete(instance, "ic", Map.of("reviewSummary", "Release checks missed a config change",
				"lessonsLearned", "Canary the config", "actionItems", "Add config canary"));

		assertThat(instance).isEnded().hasPassedInOrder("UserTask_AssessIncident", "BusinessRuleTask_DeterminePriority",
				"ServiceTask_PageOnCall", "UserTask_AcknowledgePage", "UserTask_ContainIncident",
				"UserTask_MitigateIncident", "UserTask_VerifyRecovery", "UserTask_ResolveIncident",
				"UserTask_PostIncidentReview", "ServiceTask_CloseIncident");
		Incident incident = incidents.findByKey(key).orElseThrow();
		assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
		assertThat(incident.severity()).isEqualTo(Severity.SEV2);
		assertThat(incident.commander()).isEqualTo("ic");
		assertThat(incident.communicationsLead()).isEqualTo("comms");
		assertThat(incident.acknowledgedBy()).isEqualTo("oncall");
		assertThat(incident.closedAt()).isNotNull();
		assertThat(timeline.findByIncident(key)).extracting(TimelineEvent::kind).containsExactly(Kind.DECLARED,
				Kind.ASSESSED, Kind.SEVERITY_SET, Kind.PAGED, Kind.ACKNOWLEDGED, Kind.CONTAINED, Kind.MITIGATED,
				Kind.RECOVERY_CHECKED, Kind.RESOLVED, Kind.REVIEWED, Kind.CLOSED);
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.CONTAINED)
			.singleElement()
			.satisfies(e -> {
				assertThat(e.actor()).isEqualTo("oncall");
				assertThat(e.description()).contains("Drained eu-west");
				assertThat(e.taskName()).isEqualTo("Contain incident");
			});
	}

	@Test
	void closesWithoutAReviewWhenThePriorityTableRequiresNone() {
		ProcessInstance instance = driver.declare("Slow admin page", "payments", "minor", "low", false);
		driver.assess(instance, "minor", "low");
		assertThat(instance).variables().containsEntry("severity", "SEV4").containsEntry("postmortemRequired", false);
		driver.runJob(instance);
		driver.complete(instance, "oncall", Map.of());
		driver.complete(instance, "oncall", Map.of("containmentActions", "Feature flag off"));
		driver.complete(instance, "oncall", Map.of("mitigationActions", "Index added"));
		driver.complete(instance, "ic", Map.of("recovered", true, "recoveryEvidence", "p99 200ms"));
		driver.complete(instance, "ic", Map.of("resolutionSummary", "Index added"));

		assertThat(instance).isEnded().hasNotPassed("UserTask_PostIncidentReview").hasPassed("Gateway_ReadyToClose");
	}

	@Test
	void goesBackToContainmentWhenRecoveryIsNotConfirmed() {
		ProcessInstance instance = acknowledged("Payments timeouts", "payments");
		driver.complete(instance, "oncall", Map.of("containmentActions", "Rate limited partner API"));
		driver.complete(instance, "oncall", Map.of("mitigationActions", "Raised pool size"));
		driver.complete(instance, "ic", Map.of("recovered", false, "recoveryEvidence", "Timeouts still at 5%"));

		assertThat(instance).isWaitingAt("UserTask_ContainIncident");
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		Incident incident = incidents.findByKey(key).orElseThrow();
		assertThat(incident.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
		assertThat(incident.containedAt()).as("the first containment time is kept").isNotNull();

		driver.complete(instance, "oncall", Map.of("containmentActions", "Failed over to secondary partner"));
		driver.complete(instance, "oncall", Map.of("mitigationActions", "Partner fixed their gateway"));
		driver.complete(instance, "ic", Map.of("recovered", true, "recoveryEvidence", "Timeouts 0%"));
		assertThat(instance).isWaitingAt("UserTask_ResolveIncident");
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.CONTAINED).hasSize(2);
	}

	@Test
	void escalatesToTheNextOnCallWhenThePageIsNotAcknowledgedInTime() {
		ProcessInstance instance = driver.declare("Checkout down", "checkout", "extensive", "critical", false);
		driver.assess(instance, "extensive", "critical");
		driver.runJob(instance);
		assertThat(task(instance)).isAssignedTo("oncall");
		Date due = task(instance).getDueDate();
		assertThat(due).as("SEV1 acknowledgement is due within the 5 minute timeout")
			.isBeforeOrEqualTo(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(5))));

		ClockUtil.offset(Duration.ofMinutes(6).toMillis());
		driver.runJob(instance); // the acknowledgement timer
		assertThat(instance).isWaitingAt("ServiceTask_EscalatePage");
		driver.runJob(instance); // the escalation page
		assertThat(instance).isWaitingAt("UserTask_AcknowledgePage");
		assertThat(task(instance)).isAssignedTo("oncall2");

		ClockUtil.offset(Duration.ofMinutes(12).toMillis());
		driver.runJob(instance);
		driver.runJob(instance);
		assertThat(task(instance)).as("a repeating escalation policy wraps to the primary").isAssignedTo("oncall");

		driver.complete(instance, "oncall", Map.of());
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.ESCALATED)
			.extracting(TimelineEvent::description)
			.containsExactly("Not acknowledged by oncall in time; escalated to oncall2 (escalation level 1)",
					"Not acknowledged by oncall2 in time; escalated to oncall (escalation level 2)");
		assertThat(incidents.findByKey(key).orElseThrow().acknowledgedBy()).isEqualTo("oncall");
	}

	@Test
	void theCommanderOverridesTheTableWithAReason() {
		ProcessInstance instance = driver.declare("Login slow", "identity", "moderate", "medium", false);
		driver.complete(instance, "ic", Map.of("impact", "moderate", "urgency", "medium", "service", "identity",
				"commander", "ic", "severityOverride", "SEV1", "severityOverrideReason", "Regulator deadline today"));

		assertThat(instance).variables().containsEntry("tableSeverity", "SEV3").containsEntry("severity", "SEV1");
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		assertThat(incidents.findByKey(key).orElseThrow().severity()).isEqualTo(Severity.SEV1);
		assertThat(timeline.findByIncident(key)).filteredOn(e -> e.kind() == Kind.SEVERITY_SET)
			.singleElement()
			.extracting(TimelineEvent::description)
			.isEqualTo("Severity SEV1 set by ic, overriding the priority table's SEV3: Regulator deadline today");
		driver.runJob(instance);
		assertThat(task(instance)).as("identity is owned by the security team").isAssignedTo("security");
	}

	@Test
	void rejectsAnOverrideWithoutAReasonAndKeepsTheTaskOpen() {
		ProcessInstance instance = driver.declare("Login slow", "identity", "moderate", "medium", false);
		String taskId = task(instance).getId();

		assertThatThrownBy(() -> driver.complete(instance, "ic", Map.of("impact", "moderate", "urgency", "medium",
				"service", "identity", "commander", "ic", "severityOverride", "SEV1")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("give a reason when overriding the severity to SEV1");

		assertThat(task(instance).getId()).isEqualTo(taskId);
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "severityOverride")).isNull();
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		assertThat(incidents.findByKey(key).orElseThrow().status()).isEqualTo(IncidentStatus.DECLARED);
		assertThat(timeline.findByIncident(key)).extracting(TimelineEvent::kind).containsExactly(Kind.DECLARED);
	}

	@Test
	void rejectsAFormWithInvalidValuesOnTheServer() {
		ProcessInstance instance = acknowledged("Checkout errors", "checkout");

		assertThatThrownBy(() -> driver.complete(instance, "oncall", Map.of("containmentActions", "  ")))
			.hasMessageContaining("containmentActions is required");
		assertThatThrownBy(() -> driver.complete(instance, "oncall", Map.of("containmentActions", "x".repeat(4001))))
			.hasMessageContaining("containmentActions is 4001 characters long; at most 4000 are allowed");
		assertThat(instance).isWaitingAt("UserTask_ContainIncident");
		assertThat(incidents.findByKey(new IncidentKey(instance.getBusinessKey())).orElseThrow().containedAt()).isNull();
	}

	@Test
	void aTaskCompletedTwiceChangesNothingTheSecondTime() {
		ProcessInstance instance = acknowledged("Checkout errors", "checkout");
		String taskId = task(instance).getId();
		driver.complete(instance, "oncall", Map.of("containmentActions", "Drained eu-west"));
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		int events = timeline.findByIncident(key).size();

		assertThatThrownBy(() -> driver.as("oncall", () -> {
			engine.getTaskService().complete(taskId, Map.of("containmentActions", "again"));
			return null;
		})).isInstanceOf(ProcessEngineException.class);

		assertThat(instance).isWaitingAt("UserTask_MitigateIncident");
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

		assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
		assertThat(incidents.findRecent(1000)).hasSize(incidentsBefore);
	}

	private ProcessInstance acknowledged(String title, String service) {
		ProcessInstance instance = driver.declare(title, service, "significant", "high", false);
		driver.assess(instance, "significant", "high");
		driver.runJob(instance);
		driver.complete(instance, "oncall", Map.of());
		return instance;
	}
}
