package io.firebreak.planreview;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.roster.Roster;

/** Runs review cycles as the demo roster would: started and worked by named people, jobs run by hand. */
class PlanReviewDriver {

	private final ProcessEngine engine;
	/** Runs jobs and works as people the way it does for incidents; it declares none here. */
	private final IncidentResponseDriver incidents;

	PlanReviewDriver(ProcessEngine engine, Roster roster) {
		this.engine = engine;
		this.incidents = new IncidentResponseDriver(engine, null, roster);
	}

	/** A review cycle started on demand, as Tasklist's start button does for {@code user}. */
	ProcessInstance start(String user) {
		return as(user, () -> engine.getRuntimeService().startProcessInstanceByKey(PlanReviews.PROCESS));
	}

	/** The cycle's open review tasks, by the key of the plan each reviews. */
	Map<String, Task> tasksByPlan(ProcessInstance cycle) {
		return engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId()).list().stream()
			.collect(java.util.stream.Collectors.toMap(
					task -> (String) engine.getTaskService().getVariable(task.getId(), PlanReviewVariables.PLAN_KEY),
					task -> task));
	}

	void complete(Task task, String user, Map<String, Object> form) {
		as(user, () -> {
			engine.getTaskService().complete(task.getId(), form);
			return null;
		});
	}

	/** Runs every job of the cycle that is due on the test clock, and those they create, as the job executor would. */
	void runDueJobs(ProcessInstance cycle) {
		incidents.runDueJobs(cycle);
	}

	<T> T as(String user, Supplier<T> work) {
		return incidents.as(user, work);
	}
}
