package io.firebreak.plan;

import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Milestone;

/**
 * Finds a plan's open step by the milestone its completion reaches, e.g. the task that
 * acknowledges a page, whatever the plan calls it. Call it without an authenticated user: it
 * looks, it does not act.
 */
@Component
public class MilestoneTasks {

	private final TaskService tasks;
	private final RepositoryService repository;

	MilestoneTasks(TaskService tasks, RepositoryService repository) {
		this.tasks = tasks;
		this.repository = repository;
	}

	public Optional<Task> open(String processInstanceId, Milestone milestone) {
		return tasks.createTaskQuery().processInstanceId(processInstanceId).active().list().stream()
			.filter(task -> milestone == milestoneOf(task))
			.findFirst();
	}

	private Object milestoneOf(Task task) {
		// the parsed definition comes from the engine's deployment cache
		ProcessDefinitionEntity definition = (ProcessDefinitionEntity) repository
			.getProcessDefinition(task.getProcessDefinitionId());
		ActivityImpl activity = definition.findActivity(task.getTaskDefinitionKey());
		return activity == null ? null : activity.getProperty(Milestone.OF_TASK);
	}
}
