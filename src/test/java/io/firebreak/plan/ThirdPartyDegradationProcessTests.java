package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.FirebreakSpringTest;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.TimelineEvent;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.incident.TimelineRepository;
import io.firebreak.postmortem.PostmortemDriver;
import io.firebreak.roster.Roster;

/**
 * The second plan, made only with the kit (templates, forms, services.yaml): a degraded vendor.
 * Nothing in Java knows its ids or its forms' fields; these tests prove the kit carries it.
 */
@FirebreakSpringTest
class ThirdPartyDegradationProcessTests {

	static final String ASSESS = "UserTask_AssessIncident";
	static final String ACKNOWLEDGE = "UserTask_AcknowledgePage";
	static final String OPEN_CASE = "UserTask_OpenVendorCase";
	static final String FALLBACK = "UserTask_ActivateFallback";
	static final String VENDOR_FIX = "UserTask_ConfirmVendorFix";
	static final String VERIFY = "UserTask_VerifyRecovery";
	static final String RESOLVE = "UserTask_ResolveIncident";
	static final String REVIEW = "CallActivity_VendorPostmortem";

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

	@Test
	void aDegradedVendorRunsTheThirdPartyPlanFromPageToReview() {
		ProcessInstance instance = acknowledgedAndAssessed("extensive", "critical");
		IncidentKey key = new IncidentKey(instance.getBusinessKey());

		driver.complete(instance, OPEN_CASE, "oncall", Map.of("vendorName", "PayCo", "vendorCase", "CS-4711",
				"vendorStatusPage", "https://status.payco.example/incidents/42", "vendorContact", "phone"));
		driver.complete(instance, FALLBACK, "oncall", Map.of("fallback", "secondary-provider", "fallbackActions",
				"Routed card payments to the secondary acquirer"));
		driver.complete(instance, VENDOR_FIX, "oncall", Map.of("vendorResolution", "PayCo rolled back a TLS change",
				"fallbackSwitchedOff", true, "vendorDowntimeMinutes", 47));
		driver.complete(instance, VERIFY, "ic", Map.of("recovered", true, "recoveryEvidence", "Auth rate at baseline"));
		driver.complete(instance, RESOLVE, "ic", Map.of("resolutionSummary", "Vendor fixed; fallback off"));
		driver.runJob(instance);
		assertThat(instance).as("the kit's postmortem plan, called from this plan too").isWaitingAt(REVIEW);
		new PostmortemDriver(engine, driver).workToPublished(key.value());

		assertThat(instance).isEnded().hasPassedInOrder("ServiceTask_PageOnCall", ACKNOWLEDGE, OPEN_CASE, FALLBACK,
				VENDOR_FIX, VERIFY, RESOLVE, "ServiceTask_NotifyStakeholders", REVIEW, "EndEvent_IncidentClosed");
		Incident incident = incidents.findByKey(key).orElseThrow();
		assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
		assertThat(incident.containedAt()).isNotNull();
		assertThat(incident.mitigatedAt()).isNotNull();
		assertThat(incident.acknowledgedBy()).isEqualTo("oncall");
		assertThat(timeline.findByIncident(key)).extracting(TimelineEvent::kind).containsSubsequence(Kind.DECLARED,
				Kind.PAGED, Kind.ACKNOWLEDGED, Kind.ASSESSED, Kind.STEP_COMPLETED, Kind.CONTAINED, Kind.MITIGATED,
				Kind.RECOVERY_CHECKED, Kind.RESOLVED, Kind.REVIEWED, Kind.CLOSED);
		assertThat(timeline.findByIncident(key)).extracting(TimelineEvent::description).contains(
				"Open vendor case — Vendor: PayCo; Vendor case reference: CS-4711; Vendor status page: "
						+ "https://status.payco.example/incidents/42; Vendor reached through: Phone (premium support)",
				"Activate fallback — Fallback: Switch to the secondary provider; What did you switch, and what do "
						+ "customers see now?: Routed card payments to the secondary acquirer",
				"Confirm vendor fix — What the vendor fixed: PayCo rolled back a TLS change; We switched back from "
						+ "the fallback: yes; Vendor downtime (minutes): 47");
	}

	@Test
	void anUnrecoveredServiceGoesBackToTheFallback() {
		ProcessInstance instance = acknowledgedAndAssessed("moderate", "medium");
		caseOpenedAndFixConfirmed(instance);

		driver.complete(instance, VERIFY, "ic", Map.of("recovered", false, "recoveryEvidence", "Still 3% errors"));

		assertThat(instance).isWaitingAt(FALLBACK);
		assertThat(task(FALLBACK, instance)).isAssignedTo("oncall");
	}

	@Test
	void aMinorDegradationClosesWithoutAReviewWhenTheTableRequiresNone() {
		ProcessInstance instance = acknowledgedAndAssessed("minor", "low");
		caseOpenedAndFixConfirmed(instance);
		driver.complete(instance, VERIFY, "ic", Map.of("recovered", true, "recoveryEvidence", "Healthy"));
		driver.complete(instance, RESOLVE, "ic", Map.of("resolutionSummary", "Vendor fixed it"));
		driver.runJob(instance);

		assertThat(instance).isEnded().hasNotPassed(REVIEW);
	}

	@Test
	void theNewFormsRulesAreCheckedOnTheServer() {
		ProcessInstance instance = acknowledgedAndAssessed("significant", "high");

		assertThatThrownBy(() -> driver.complete(instance, OPEN_CASE, "oncall", Map.of("vendorName", "PayCo",
				"vendorCase", "CS-1", "vendorStatusPage", "http://status.payco.example", "vendorContact", "phone")))
			.hasMessageContaining("Vendor status page must match the pattern ^https://\\S+$");
		assertThatThrownBy(() -> driver.complete(instance, OPEN_CASE, "oncall",
				Map.of("vendorName", "PayCo", "vendorCase", "CS-1", "vendorContact", "carrier pigeon")))
			.hasMessageContaining("Vendor reached through must be one of: portal, phone, chat, account-manager");
		driver.complete(instance, OPEN_CASE, "oncall", Map.of("vendorName", "PayCo", "vendorCase", "CS-1",
				"vendorContact", "portal"));
		assertThatThrownBy(() -> driver.complete(instance, FALLBACK, "oncall",
				Map.of("fallback", "cache", "fallbackActions", "cache")))
			.hasMessageContaining("What did you switch, and what do customers see now? must be at least 10 characters");

		assertThat(instance).isWaitingAt(FALLBACK);
		assertThat(incidents.findByKey(new IncidentKey(instance.getBusinessKey())).orElseThrow().containedAt())
			.isNull();
	}

	private ProcessInstance acknowledgedAndAssessed(String impact, String urgency) {
		ProcessInstance instance = driver.declare("PayCo card authorisations failing", "payment-gateway", impact,
				urgency, false);
		assertThat(engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey())
			.as("services.yaml chooses the plan").isEqualTo("third-party-degradation");
		driver.runJob(instance);
		driver.complete(instance, ACKNOWLEDGE, "oncall", Map.of());
		driver.complete(instance, ASSESS, "ic", Map.of("impact", impact, "urgency", urgency, "service",
				"payment-gateway", "commander", "ic"));
		return instance;
	}

	private void caseOpenedAndFixConfirmed(ProcessInstance instance) {
		driver.complete(instance, OPEN_CASE, "oncall",
				Map.of("vendorName", "PayCo", "vendorCase", "CS-9", "vendorContact", "chat"));
		driver.complete(instance, FALLBACK, "oncall", Map.of("fallback", "none", "fallbackActions", "Nothing to fall back to"));
		driver.complete(instance, VENDOR_FIX, "oncall",
				Map.of("vendorResolution", "Vendor restarted", "fallbackSwitchedOff", true));
	}
}
