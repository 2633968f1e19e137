package io.firebreak.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.FirebreakSpringTest;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.incident.TimelineEvent;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.incident.TimelineRepository;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationRepository;
import io.firebreak.roster.Roster;

/**
 * processes/drill.bpmn with the real response plan and config/scenarios.yaml, on the engine's
 * test clock: the scenario is declared as a drill, each inject arrives at its time and not before,
 * and the plan's end keeps a scorecard.
 */
@FirebreakSpringTest
class DrillProcessTests {

	static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
	static final String SCENARIO = "checkout-database-failover";

	@Autowired
	ProcessEngine engine;

	@Autowired
	Drills drills;

	@Autowired
	DrillScorecards scorecards;

	@Autowired
	DrillScenarios scenarios;

	@Autowired
	DrillRepository drillRecords;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	IncidentRepository incidents;

	@Autowired
	TimelineRepository timeline;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	Roster roster;

	RuntimeService runtime;
	ManagementService management;
	IncidentResponseDriver driver;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		runtime = engine.getRuntimeService();
		management = engine.getManagementService();
		driver = new IncidentResponseDriver(engine, declarations, roster);
		ClockUtil.setCurrentTime(Date.from(START));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aDrillStartedOnDemandRunsTheMainPlanAsADrillInjectsOnTimeAndEndsInAScorecard() {
		Drills.Started started = driver.as("ic", () -> drills.start(SCENARIO));
		String key = started.incidentKey();
		ProcessInstance drill = instance(started.processInstanceId());
		ProcessInstance plan = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
			.processDefinitionKey("incident-response").singleResult();

		assertThat(drill.getBusinessKey()).as("the drill shares its incident's key").isEqualTo(key);
		Incident incident = incidents.findByKey(new IncidentKey(key)).orElseThrow();
		assertThat(incident.drill()).isTrue();
		assertThat(incident.title()).isEqualTo("Checkout errors after a database failover");
		assertThat(incident.service()).isEqualTo("checkout");
		assertThat(incident.declaredBy()).isEqualTo("ic");
		assertThat(plan).isActive().variables().containsEntry("drill", true);
		assertThat(timers(drill)).as("the opening alerts at +0, the injects at +10 and +20 min")
			.containsExactly(START, START.plus(Duration.ofMinutes(10)), START.plus(Duration.ofMinutes(20)));

		runDueJobs(key);
		assertThat(events(key, Kind.ALERT_FIRING)).singleElement()
			.satisfies(e -> assertThat(e.description()).contains("CheckoutHighErrorRate"));
		assertThat(events(key, Kind.DRILL_INJECT)).isEmpty();
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(plan.getId())
			.taskDefinitionKey("UserTask_AcknowledgePage").singleResult().getName())
			.as("Tasklist shows a drill's tasks as such").isEqualTo("[DRILL] Acknowledge page");

		at(key, Duration.ofMinutes(3));
		driver.complete(plan, "UserTask_AcknowledgePage", "oncall", Map.of());
		driver.assess(plan, "significant", "high");

		at(key, Duration.ofMinutes(10).minusSeconds(1));
		assertThat(events(key, Kind.DRILL_INJECT)).as("not before its time").isEmpty();

		at(key, Duration.ofMinutes(10));
		assertThat(events(key, Kind.DRILL_INJECT)).singleElement()
			.satisfies(e -> {
				assertThat(e.description()).isEqualTo("[DRILL] Inject at +10 min: The primary database fails over to the"
						+ " replica; writes fail for 90 seconds and the pool keeps stale connections.");
				assertThat(e.occurredAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
			});
		assertThat(events(key, Kind.ALERT_FIRING)).hasSize(2)
			.last().satisfies(e -> assertThat(e.description()).contains("CheckoutDatabaseFailover"));
		assertThat(notifications.findByKey(key + "/drill/inject/1")).hasValueSatisfying(notice -> {
			assertThat(notice.kind()).isEqualTo(NotificationKind.DRILL_INJECT);
			assertThat(notice.drill()).isTrue();
			assertThat(notice.subject()).startsWith("[DRILL][" + key + "] +10 min: The primary database fails over");
			assertThat(notice.recipients().split(",\\s*")).as("the people working the drill, nobody else")
				.containsExactly("ic@firebreak.example", "comms@firebreak.example", "oncall2@firebreak.example",
						"oncall@firebreak.example");
		});

		at(key, Duration.ofMinutes(25));
		driver.complete(plan, "UserTask_ContainIncident", "oncall", Map.of("containmentActions", "Failed over the pool"));
		assertThat(events(key, Kind.DRILL_INJECT)).hasSize(2);
		at(key, Duration.ofMinutes(70));
		driver.complete(plan, "UserTask_MitigateIncident", "oncall", Map.of("mitigationActions", "Recycled the pool"));
		driver.complete(plan, "UserTask_VerifyRecovery", "ic", Map.of("recovered", true, "recoveryEvidence", "Healthy"));
		driver.complete(plan, "UserTask_ResolveIncident", "ic", Map.of("resolutionSummary", "Pool recycled"));
		runDueJobs(key);
		DrillScorecard running = scorecards.of(key).orElseThrow();
		assertThat(running.scored()).isFalse();
		driver.complete(plan, "UserTask_DrillDebrief", "ic", Map.of("debriefWentWell", "Paged in 3 minutes",
				"debriefToPractise", "Connection pool recycling"));
		assertThat(plan).isEnded();
		runDueJobs(key);

		assertThat(drill).isEnded().hasPassed("ServiceTask_ScoreDrill", "EndEvent_DrillScored");
		DrillScorecard card = scorecards.of(key).orElseThrow();
		assertThat(card.scored()).isTrue();
		assertThat(card.steps()).extracting(DrillScorecard.Step::name, DrillScorecard.Step::actual,
				DrillScorecard.Step::result)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("acknowledge", Duration.ofMinutes(3), DrillScorecard.Result.MET),
					org.assertj.core.groups.Tuple.tuple("contain", Duration.ofMinutes(25), DrillScorecard.Result.MET),
					org.assertj.core.groups.Tuple.tuple("mitigate", Duration.ofMinutes(70), DrillScorecard.Result.MISSED));
		assertThat(card.score()).isEqualTo("2 of 3 targets met");
		assertThat(card.steps().get(2).margin()).isEqualTo(Duration.ofMinutes(10));
		assertThat(card.drill().injectsDelivered()).isEqualTo(2);
		assertThat(card.participants()).extracting(DrillScorecard.Participant::person, DrillScorecard.Participant::roles)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("ic", List.of("commander")),
					org.assertj.core.groups.Tuple.tuple("comms", List.of("communications lead")),
					org.assertj.core.groups.Tuple.tuple("oncall2", List.of("scribe")),
					org.assertj.core.groups.Tuple.tuple("oncall", List.of("responder")));
		assertThat(events(key, Kind.DRILL_SCORED)).singleElement()
			.satisfies(e -> assertThat(e.description()).startsWith("[DRILL] Scorecard: 2 of 3 targets met"));
	}

	@Test
	void anInjectDueAfterTheIncidentWasResolvedIsNotedNotDelivered() {
		Drills.Started started = driver.as("ic", () -> drills.start("checkout-database-failover"));
		String key = started.incidentKey();
		ProcessInstance plan = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
			.processDefinitionKey("incident-response").singleResult();
		driver.workToResolved(plan, "moderate", "high");

		at(key, Duration.ofMinutes(10));

		assertThat(events(key, Kind.DRILL_INJECT)).extracting(e -> e.description())
			.allSatisfy(text -> assertThat(text).contains("not delivered: the incident was already resolved"))
			.anySatisfy(text -> assertThat(text).startsWith("[DRILL] Inject at +10 min not delivered"));
		assertThat(notifications.forIncident(key)).noneMatch(n -> n.kind() == NotificationKind.DRILL_INJECT);
	}

	@Test
	void theScheduledDrillRunsMonthlyWithTheScenarioDrilledLeastRecently() {
		Job schedule = management.createJobQuery().processDefinitionKey("drill-schedule").timers().list().stream()
			.filter(job -> job.getProcessInstanceId() == null)
			.findFirst()
			.orElseThrow();
		ZonedDateTime due = schedule.getDuedate().toInstant().atZone(ZoneId.systemDefault());
		assertThat(due.getDayOfWeek()).as("first Monday of the month").isEqualTo(DayOfWeek.MONDAY);
		assertThat(due.getDayOfMonth()).isLessThanOrEqualTo(7);
		assertThat(due.getHour()).isEqualTo(10);
		String expected = scenarios.nextInRotation(drillRecords.lastStartedByScenario()).orElseThrow().id();

		management.executeJob(schedule.getId());

		Drill started = drillRecords.recent(1).get(0);
		assertThat(started.scenarioId()).isEqualTo(expected);
		assertThat(started.startedBy()).isEqualTo("drill-schedule");
		assertThat(incidents.findByKey(new IncidentKey(started.incidentKey())).orElseThrow().drill()).isTrue();
		assertThat(management.createJobQuery().processDefinitionKey("drill-schedule").timers().list())
			.as("the next month's start is scheduled").anyMatch(job -> job.getProcessInstanceId() == null);
	}

	@Test
	void anUnknownScenarioIsRefusedNamingTheScenariosThereAre() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> drills.start("chekout"))
			.isInstanceOf(io.firebreak.system.InvalidInput.class)
			.hasMessage("'chekout' is no drill scenario; the scenarios are checkout-database-failover, "
					+ "payment-vendor-outage, identity-login-failures");
	}

	private ProcessInstance instance(String id) {
		return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
	}

	private List<Instant> timers(ProcessInstance drill) {
		return management.createJobQuery().processInstanceId(drill.getId()).timers().orderByJobDuedate().asc().list()
			.stream().map(job -> job.getDuedate().toInstant()).toList();
	}

	private List<TimelineEvent> events(String key, Kind kind) {
		return timeline.findByIncident(new IncidentKey(key)).stream().filter(e -> e.kind() == kind).toList();
	}

	/** Moves the test clock to {@code START + offset} and runs what is due then for the drill, as the job executor would. */
	private void at(String key, Duration offset) {
		ClockUtil.setCurrentTime(Date.from(START.plus(offset)));
		runDueJobs(key);
	}

	private void runDueJobs(String key) {
		IncidentResponseDriver.runDueJobs(runtime, management, key);
	}
}
