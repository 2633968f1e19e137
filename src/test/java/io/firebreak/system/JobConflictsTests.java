package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job that lost a race runs again at once with its retries intact; a real failure still waits its retry interval. */
class JobConflictsTests {

	final AtomicInteger calls = new AtomicInteger();
	ProcessEngine engine;

	@AfterEach
	void close() {
		engine.close();
	}

	@Test
	void aJobThatLostARaceIsDueAgainAtOnceWithItsRetries() {
		start(() -> new OptimisticLockingException("the other transaction won"));

		assertThatThrownBy(() -> engine.getManagementService().executeJob(job().getId()));

		Job job = job();
		assertThat(job.getRetries()).isEqualTo(3);
		assertThat(job.getDuedate()).as("due at once, not after the 10 s retry interval").isNull();
		engine.getManagementService().executeJob(job.getId());
		assertThat(calls).hasValue(2);
	}

	@Test
	void anyOtherFailureStillWaitsItsRetryInterval() {
		start(() -> new IllegalStateException("the mail server refused"));

		assertThatThrownBy(() -> engine.getManagementService().executeJob(job().getId()));

		Job job = job();
		assertThat(job.getRetries()).as("a retry used").isLessThan(3);
		assertThat(job.getDuedate()).isNotNull();
	}

	private void start(java.util.function.Supplier<RuntimeException> firstCallFails) {
		JavaDelegate clashOnce = execution -> {
			if (calls.incrementAndGet() == 1) {
				throw firstCallFails.get();
			}
		};
		ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setJdbcUrl("jdbc:h2:mem:job-conflicts-" + System.nanoTime());
		configuration.setJobExecutorActivate(false);
		configuration.setFailedJobRetryTimeCycle("PT10S,PT1M");
		configuration.setBeans(Map.of("clashOnce", clashOnce));
		configuration.setProcessEnginePlugins(java.util.List.of(new JobConflicts()));
		engine = configuration.buildProcessEngine();
		engine.getRepositoryService().createDeployment().addModelInstance("async.bpmn", Bpmn.createExecutableProcess("async")
			.camundaHistoryTimeToLive(1).startEvent().serviceTask().camundaAsyncBefore()
			.camundaDelegateExpression("${clashOnce}").endEvent().done()).deploy();
		engine.getRuntimeService().startProcessInstanceByKey("async");
	}

	private Job job() {
		return engine.getManagementService().createJobQuery().singleResult();
	}
}
