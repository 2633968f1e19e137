package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.firebreak.FirebreakSpringTest;
import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.roster.Roster;

/** What a node does about its own crash, and about its neighbours' work, inside one engine. */
@FirebreakSpringTest
class CrashRecoveryIntegrationTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	Roster roster;

	@Autowired
	ClusterNode node;

	@Autowired
	StaleJobLocks staleJobLocks;

	@Autowired
	JdbcClient jdbc;

	IncidentResponseDriver driver;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new IncidentResponseDriver(engine, declarations, roster);
	}

	@Test
	void theEngineLocksJobsUnderThisNodesStableNameAndLogsItAsTheHost() {
		assertThat(engine.getProcessEngineConfiguration()).extracting("jobExecutor.lockOwner").isEqualTo(node.id());
		ProcessInstance instance = driver.declare("Checkout errors", "checkout", "significant", "high", false);
		driver.runJob(instance);
		assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance.getId())
			.successLog().singleResult().getHostname()).isEqualTo(node.id());
	}

	@Test
	void aRestartedNodeReleasesTheJobsItHadLockedAndNoOtherNodes() {
		Job mine = pageJob(driver.declare("Checkout errors", "checkout", "significant", "high", false));
		Job theirs = pageJob(driver.declare("Payments errors", "payments", "significant", "high", false));
		lock(mine, node.id());
		lock(theirs, "another-node");

		staleJobLocks.afterSingletonsInstantiated();

		assertThat(lockOwner(mine)).isNull();
		assertThat(lockOwner(theirs)).isEqualTo("another-node");
		engine.getManagementService().executeJob(mine.getId());
	}

	@Test
	void peopleCompletingTasksInOneIncidentAtOnceAllSucceed() throws Exception {
		List<ProcessInstance> instances = new ArrayList<>();
		for (int i = 0; i < 15; i++) {
			ProcessInstance instance = driver.declare("Checkout errors " + i, "checkout", "significant", "high", false);
			driver.runJob(instance);
			instances.add(instance);
		}
		// Acknowledging and assessing meet at the gateway before containment: whichever commits
		// second loses the engine's optimistic lock on the instance, and is run again.
		List<Callable<Void>> completions = new ArrayList<>();
		for (ProcessInstance instance : instances) {
			completions.add(() -> {
				driver.complete(instance, "UserTask_AcknowledgePage", "oncall", Map.of());
				return null;
			});
			completions.add(() -> {
				driver.assess(instance, "significant", "high");
				return null;
			});
		}
		ExecutorService people = Executors.newFixedThreadPool(8);
		try {
			for (Future<Void> completion : people.invokeAll(completions)) {
				completion.get();
			}
		}
		finally {
			people.shutdownNow();
		}
		for (ProcessInstance instance : instances) {
			driver.runDueJobs(instance); // the initial notice after the assessment, as the job executor would
			assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
				.taskDefinitionKey("UserTask_ContainIncident").count()).isEqualTo(1);
		}
	}

	private Job pageJob(ProcessInstance instance) {
		return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
	}

	private void lock(Job job, String owner) {
		jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? where ID_ = ?")
			.params(owner, Timestamp.from(Instant.now().plus(5, ChronoUnit.MINUTES)), job.getId())
			.update();
	}

	private String lockOwner(Job job) {
		return jdbc.sql("select LOCK_OWNER_ from ACT_RU_JOB where ID_ = ?").param(job.getId())
			.query((row, n) -> row.getString(1))
			.list()
			.get(0);
	}
}
