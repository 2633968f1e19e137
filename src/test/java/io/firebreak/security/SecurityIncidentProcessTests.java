package io.firebreak.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.FirebreakSpringTest;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.TimelineEvent;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.incident.TimelineRepository;
import io.firebreak.notification.Notification;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationRepository;
import io.firebreak.roster.Roster;

/**
 * processes/security-incident.bpmn, made with the kit: chosen by the incident's type, NIST SP 800-61's
 * steps, and the regulatory clock the breach-notification decision starts, with its reminders.
 */
@FirebreakSpringTest
class SecurityIncidentProcessTests {

	static final String TRIAGE = "UserTask_TriageIncident";
	static final String ACKNOWLEDGE = "UserTask_AcknowledgePage";
	static final String PRESERVE = "UserTask_PreserveEvidence";
	static final String CONTAIN = "UserTask_ContainIncident";
	static final String ASSESS_EXPOSURE = "UserTask_AssessDataExposure";
	static final String NOTIFY = "UserTask_MakeNotification";
	static final String ERADICATE = "UserTask_EradicateThreat";
	static final String RECOVER = "UserTask_RecoverSystems";
	static final String REVIEW = "UserTask_HoldRestrictedReview";
	static final String APPROVE = "UserTask_ApprovePostmortem";

	@Autowired
	ProcessEngine engine;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	IncidentRepository incidents;

	@Autowired
	TimelineRepository timeline;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	BreachNotifications breaches;

	@Autowired
	Roster roster;

	IncidentResponseDriver driver;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new IncidentResponseDriver(engine, declarations, roster);
		ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.MINUTES)));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aSecurityIncidentOnIdentityRunsTheSecurityPlanFromTriageToARestrictedPostmortem() {
		ProcessInstance instance = containedAndExposureAssessed(true, 1200, List.of("eu"), false, null);
		IncidentKey key = new IncidentKey(instance.getBusinessKey());

		assertThat(instance).isWaitingAt(NOTIFY, ERADICATE);
		assertThat(breaches.open(key.value())).containsExactly("notify-supervisory-authority");
		complete(instance, NOTIFY, "security", evidence(now(), null));
		complete(instance, ERADICATE, "security", Map.of("eradicationActions", "Removed the web shell, patched CVE"));
		complete(instance, RECOVER, "security", Map.of("recoveryEvidence", "Rebuilt from golden image; clean scans",
				"resolutionSummary", "Attacker removed, credentials rotated, regulator notified"));
		driver.runDueJobs(instance); // the security team hears of the resolution
		complete(instance, REVIEW, "ic", review());
		complete(instance, APPROVE, "ic", Map.of("postmortemApproved", true));

		assertThat(instance).isEnded().hasPassedInOrder("ServiceTask_PageOnCall", ACKNOWLEDGE, PRESERVE, CONTAIN,
				ASSESS_EXPOSURE, "ServiceTask_DecideBreachNotifications", NOTIFY, "ServiceTask_PublishPostmortem",
				"EndEvent_IncidentClosed");
		Incident incident = incidents.findByKey(key).orElseThrow();
		assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
		assertThat(incident.privacyLead()).isEqualTo("security");
		assertThat(incident.containedAt()).isNotNull();
		assertThat(incident.mitigatedAt()).isNotNull();
		assertThat(kinds(key)).containsSubsequence(Kind.DECLARED, Kind.PAGED, Kind.ACKNOWLEDGED, Kind.ASSESSED,
				Kind.STEP_COMPLETED, Kind.CONTAINED, Kind.STEP_COMPLETED, Kind.BREACH_ASSESSED, Kind.BREACH_NOTIFIED,
				Kind.MITIGATED, Kind.RESOLVED, Kind.REVIEWED, Kind.POSTMORTEM_PUBLISHED, Kind.CLOSED);
		assertThat(descriptions(key)).anySatisfy(text -> assertThat(text).startsWith(
				"Data exposure assessed: personal data exposed: 1200 records, people in EU. Aware since ")
			.contains("Notifications due: the lead supervisory authority (EU/EEA) by ")
			.contains("GDPR Art. 33"));
		assertThat(descriptions(key)).anySatisfy(text -> assertThat(text)
			.startsWith("Notified the lead supervisory authority (EU/EEA): sent to ICO breach portal at ")
			.contains("reference ICO-2026-118").contains("in time, 72 h before the deadline"));
		assertThat(descriptions(key)).anySatisfy(text -> assertThat(text)
			.startsWith("Contain — Affected hosts isolated: yes; Exposed credentials revoked: yes; Credentials rotated: yes"));
		assertThat(notifications.forIncident(key.value())).filteredOn(n -> n.kind() == NotificationKind.PAGE)
			.singleElement().satisfies(page -> {
				assertThat(page.recipients()).as("the identity team's on-call").isEqualTo("security@firebreak.example");
				assertThat(page.subject()).as("within the security team, mail says what happened")
					.contains("Session tokens stolen from the identity service");
			});
	}

	@Test
	void theSeventyTwoHourClockRemindsTheCommanderAndPrivacyLeadAt24_48And66HoursThenEscalates() {
		ProcessInstance instance = containedAndExposureAssessed(true, 40, List.of("eu"), false, null);
		IncidentKey key = new IncidentKey(instance.getBusinessKey());
		Instant aware = now();

		assertThat(reminderTimes(instance)).as("reminders 48, 24 and 6 h before the 72 h deadline, and the deadline")
			.containsExactly(aware.plus(Duration.ofHours(24)), aware.plus(Duration.ofHours(48)),
					aware.plus(Duration.ofHours(66)), aware.plus(Duration.ofHours(72)));

		BreachClock clock = breaches.clock(incidents.findByKey(key).orElseThrow()).orElseThrow();
		assertThat(clock.remindersOf(clock.obligations().get(0))).as("what the incident page shows").containsExactly(
				BreachNotifications.UTC.format(aware.plus(Duration.ofHours(24))) + " (48 h before)",
				BreachNotifications.UTC.format(aware.plus(Duration.ofHours(48))) + " (24 h before)",
				BreachNotifications.UTC.format(aware.plus(Duration.ofHours(66))) + " (6 h before)",
				BreachNotifications.UTC.format(aware.plus(Duration.ofHours(72))) + " (the deadline: escalates)");
		assertThat(clock.state(clock.obligations().get(0))).isEqualTo("due in 72 h");

		at(aware.plus(Duration.ofHours(23)), instance);
		assertThat(reminders(key)).as("nothing before its time").isEmpty();
		at(aware.plus(Duration.ofHours(24)), instance);
		assertThat(reminders(key)).singleElement().asString()
			.startsWith("Notify the lead supervisory authority (EU/EEA) within 48 h (by ")
			.contains("reminded ic, security");
		at(aware.plus(Duration.ofHours(48)), instance);
		at(aware.plus(Duration.ofHours(66)), instance);
		assertThat(reminders(key)).hasSize(3).last().asString()
			.startsWith("Notify the lead supervisory authority (EU/EEA) within 6 h");
		at(aware.plus(Duration.ofHours(73)), instance);
		assertThat(reminders(key)).hasSize(4).last().asString()
			.startsWith("DEADLINE PASSED 1 h ago (");
		List<Notification> mails = notifications.forIncident(key.value()).stream()
			.filter(n -> n.kind() == NotificationKind.BREACH_DEADLINE).toList();
		assertThat(mails).filteredOn(mail -> mail.recipients().equals("security@firebreak.example")).as("the privacy lead,"
				+ " of the security team, reads it whole").hasSize(4)
			.allSatisfy(mail -> assertThat(mail.subject()).contains("Session tokens stolen from the identity service"));
		assertThat(mails).filteredOn(mail -> mail.recipients().equals("ic@firebreak.example"))
			.as("the commander is outside the security team: no title").hasSize(4).allSatisfy(mail -> {
				assertThat(mail.key()).endsWith("/restricted");
				assertThat(mail.subject()).doesNotContain("Session tokens").contains("Security incident");
				assertThat(mail.text()).doesNotContain("Session tokens");
			});
		assertThat(mails).hasSize(8);

		assertThatThrownBy(() -> complete(instance, NOTIFY, "security", evidence(now(), null)))
			.hasMessageContaining("Sent 1 h after the deadline").hasMessageContaining("say why it is late");
		complete(instance, NOTIFY, "security", evidence(now(), "The regulator's portal was down for a day"));

		BreachObligation met = breaches.clock(incidents.findByKey(key).orElseThrow()).orElseThrow().obligations().get(0);
		assertThat(met.late()).isTrue();
		assertThat(met.lateReason()).isEqualTo("The regulator's portal was down for a day");
		assertThat(descriptions(key)).anySatisfy(text -> assertThat(text)
			.contains("LATE by 1 h (deadline").contains("The regulator's portal was down for a day"));
	}

	@Test
	void aNotificationIsRefusedWithoutItsEvidence() {
		ProcessInstance instance = containedAndExposureAssessed(true, 10, List.of("uk"), false, null);
		Map<String, Object> noReference = new HashMap<>(evidence(now(), null));
		noReference.remove("notificationReference");

		assertThatThrownBy(() -> complete(instance, NOTIFY, "security", noReference))
			.hasMessageContaining("Reference");
		Map<String, Object> noTime = new HashMap<>(evidence(now(), null));
		noTime.remove("notificationSentAt");
		assertThatThrownBy(() -> complete(instance, NOTIFY, "security", noTime)).hasMessageContaining("Sent at");
		assertThatThrownBy(() -> complete(instance, NOTIFY, "security", evidence(now().plus(Duration.ofDays(1)), null)))
			.hasMessageContaining("Sent at");

		assertThat(instance).isWaitingAt(NOTIFY, ERADICATE);
		assertThat(breaches.open(instance.getBusinessKey())).containsExactly("notify-ico");
	}

	@Test
	void eachObligationOfTheDecisionGetsItsOwnTaskAndDeadline() {
		ProcessInstance instance = containedAndExposureAssessed(true, 800, List.of("eu", "us"), true, null);
		IncidentKey key = new IncidentKey(instance.getBusinessKey());

		assertThat(breaches.open(key.value())).containsExactlyInAnyOrder("notify-supervisory-authority",
				"notify-data-subjects", "notify-us-residents", "notify-us-attorneys-general");
		List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey(NOTIFY).list();
		assertThat(tasks).hasSize(4).allSatisfy(task -> assertThat(task.getAssignee()).isEqualTo("security"));
		assertThat(tasks).extracting(Task::getDueDate).extracting(Date::toInstant).containsExactlyInAnyOrder(
				now().plus(Duration.ofHours(72)), now().plus(Duration.ofDays(3)), now().plus(Duration.ofDays(30)),
				now().plus(Duration.ofDays(30)));
	}

	@Test
	void noPersonalDataExposedObligesNoNotification() {
		ProcessInstance instance = containedAndExposureAssessed(false, 0, List.of(), false, null);

		assertThat(instance).isWaitingAt(ERADICATE);
		assertThat(instance).as("no instance of the notifications").hasPassed("SubProcess_NotifyRecipients#multiInstanceBody")
			.hasNotPassed("UserTask_MakeNotification");
		assertThat(descriptions(new IncidentKey(instance.getBusinessKey())))
			.anySatisfy(text -> assertThat(text).contains("no personal data exposed").endsWith("No notification is obliged."));
	}

	@Test
	void theClockRunsFromAwarenessAndRemindersAlreadyDueComeOnceNotThreeTimes() {
		Instant aware = now().minus(Duration.ofHours(70));
		ProcessInstance instance = containedAndExposureAssessed(true, 5, List.of("eu"), false, aware);
		IncidentKey key = new IncidentKey(instance.getBusinessKey());

		assertThat(breaches.clock(incidents.findByKey(key).orElseThrow()).orElseThrow().obligations().get(0).deadlineAt())
			.isEqualTo(aware.plus(Duration.ofHours(72)));
		driver.runDueJobs(instance);

		assertThat(reminders(key)).singleElement().asString()
			.startsWith("Notify the lead supervisory authority (EU/EEA) within 2 h");
	}

	@Test
	void awarenessInTheFutureRefusesTheAssessment() {
		ProcessInstance instance = contained();

		assertThatThrownBy(() -> complete(instance, ASSESS_EXPOSURE, "security",
				exposure(true, 5, List.of("eu"), false, now().plus(Duration.ofDays(2)))))
			.hasMessageContaining("Became aware at");
		assertThat(instance).isWaitingAt(ASSESS_EXPOSURE);
	}

	@Test
	void containmentCountsOnlyWithEveryItemOfTheChecklist() {
		ProcessInstance instance = triagedAndAcknowledged();
		complete(instance, PRESERVE, "security", preserved());

		assertThatThrownBy(() -> complete(instance, CONTAIN, "security", Map.of("hostsIsolated", true,
				"credentialsRevoked", true, "credentialsRotated", false, "containmentActions", "Isolated two hosts")))
			.hasMessageContaining("Credentials rotated");
		assertThat(incidents.findByKey(new IncidentKey(instance.getBusinessKey())).orElseThrow().containedAt()).isNull();
	}

	private ProcessInstance triagedAndAcknowledged() {
		IncidentKey key = driver.as("security", () -> declarations.declare(IncidentDeclaration.of(
				"Session tokens stolen from the identity service", "Tokens replayed from an unknown ASN", "identity",
				"significant", "high", "security", false)));
		ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(key.value()).singleResult();
		assertThat(engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey())
			.as("services.yaml chooses the plan by type").isEqualTo("security-incident");
		driver.runJob(instance);
		complete(instance, ACKNOWLEDGE, "security", Map.of());
		complete(instance, TRIAGE, "security", Map.of("impact", "significant", "urgency", "high", "service", "identity",
				"commander", "ic", "privacyLead", "security"));
		return instance;
	}

	private ProcessInstance contained() {
		ProcessInstance instance = triagedAndAcknowledged();
		complete(instance, PRESERVE, "security", preserved());
		complete(instance, CONTAIN, "security", Map.of("hostsIsolated", true, "credentialsRevoked", true,
				"credentialsRotated", true, "containmentActions", "Isolated idp-3, revoked all sessions, rotated keys"));
		return instance;
	}

	private ProcessInstance containedAndExposureAssessed(boolean personalData, long records, List<String> jurisdictions,
			boolean highRisk, Instant awareAt) {
		ProcessInstance instance = contained();
		complete(instance, ASSESS_EXPOSURE, "security", exposure(personalData, records, jurisdictions, highRisk, awareAt));
		return instance;
	}

	private static Map<String, Object> exposure(boolean personalData, long records, List<String> jurisdictions,
			boolean highRisk, Instant awareAt) {
		Map<String, Object> form = new HashMap<>();
		form.put("personalDataExposed", personalData);
		form.put("exposureNotes", "Access logs show what the tokens reached");
		if (personalData) {
			form.put("recordsExposed", records);
			form.put("jurisdictions", jurisdictions);
			form.put("highRiskToPeople", highRisk);
		}
		if (awareAt != null) {
			form.put("breachAwareAt", awareAt.toString());
		}
		return form;
	}

	private static Map<String, Object> preserved() {
		return Map.of("evidenceItems", "idp-3 memory image sha256:ab12…; access logs", "evidenceLocation",
				"s3://evidence-locker/INC");
	}

	private static Map<String, Object> evidence(Instant sentAt, String lateReason) {
		Map<String, Object> form = new HashMap<>();
		form.put("notificationSentTo", "ICO breach portal");
		form.put("notificationSentAt", sentAt.toString());
		form.put("notificationReference", "ICO-2026-118");
		form.put("notificationContent", "Nature of the breach, categories and numbers, contact point, measures taken");
		if (lateReason != null) {
			form.put("notificationLateReason", lateReason);
		}
		return form;
	}

	private static Map<String, Object> review() {
		return Map.of("postmortemSummary", "Stolen session tokens replayed", "impactDuration", "3 hours",
				"usersAffected", "1200 accounts", "rootCauses", "Tokens not bound to the client", "lessonsLearned",
				"Bind tokens", "noActionItemsNeeded", true, "noActionItemsReason", "Fixed during the incident");
	}

	private void complete(ProcessInstance instance, String taskDefinitionKey, String user, Map<String, Object> form) {
		driver.complete(instance, taskDefinitionKey, user, form);
	}

	private void at(Instant when, ProcessInstance instance) {
		ClockUtil.setCurrentTime(Date.from(when));
		driver.runDueJobs(instance);
	}

	private List<Instant> reminderTimes(ProcessInstance instance) {
		return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
			.orderByJobDuedate().asc().list().stream()
			.filter(job -> job.getJobDefinitionId() != null)
			.filter(job -> !"Timer_AckTimeout".equals(activityOf(job)))
			.map(job -> job.getDuedate().toInstant()).toList();
	}

	private String activityOf(Job job) {
		return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
			.singleResult().getActivityId();
	}

	private List<String> reminders(IncidentKey key) {
		return timeline.findByIncident(key).stream().filter(event -> event.kind() == Kind.BREACH_DEADLINE)
			.map(TimelineEvent::description).toList();
	}

	private List<Kind> kinds(IncidentKey key) {
		return timeline.findByIncident(key).stream().map(TimelineEvent::kind).toList();
	}

	private List<String> descriptions(IncidentKey key) {
		return timeline.findByIncident(key).stream().map(TimelineEvent::description).toList();
	}

	private static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}
}
