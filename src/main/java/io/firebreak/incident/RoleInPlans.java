package io.firebreak.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import io.firebreak.roster.Role;

/**
 * A role changing hands inside the plans working on an incident: every process instance with the
 * incident key as business key (called plans included) gets the role's variable, and the open
 * tasks the model assigns to exactly {@code ${role}} that the previous holder had go to the new
 * holder. Which tasks those are is read from the deployed model, so no plan's ids are known here.
 */
@Component
class RoleInPlans {

	private final RuntimeService runtime;
	private final TaskService tasks;
	private final RepositoryService repository;
	private final CommandExecutor commands;

	RoleInPlans(ProcessEngine engine) {
		this.runtime = engine.getRuntimeService();
		this.tasks = engine.getTaskService();
		this.repository = engine.getRepositoryService();
		this.commands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
	}

	/**
	 * Returns the names of the tasks that moved to {@code next}. Runs without Camunda's
	 * authorizations: Firebreak's own rules ({@link IncidentRoles}) decided who may hand a role
	 * over, and a commander holds no permission to change an instance's variables in Camunda.
	 */
	List<String> handOver(IncidentKey key, Role role, String previous, String next) {
		Pattern assignedByRole = Pattern.compile("\\$\\{\\s*" + Pattern.quote(role.variable()) + "\\s*}");
		return commands.execute(context -> context.runWithoutAuthorization(() -> {
			runtime.createProcessInstanceQuery().processInstanceBusinessKey(key.value()).list()
				.forEach(instance -> runtime.setVariable(instance.getId(), role.variable(), next));
			Map<String, String> assigneeByTask = new HashMap<>();
			List<String> moved = new ArrayList<>();
			for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(key.value()).orderByTaskCreateTime().asc()
				.list()) {
				String assignee = assigneeByTask.computeIfAbsent(task.getProcessDefinitionId() + "#"
						+ task.getTaskDefinitionKey(), ignored -> assigneeInModel(task));
				if (Objects.equals(task.getAssignee(), previous) && assignedByRole.matcher(assignee).matches()) {
					tasks.setAssignee(task.getId(), next);
					moved.add(task.getName());
				}
			}
			return moved;
		}));
	}

	/** The task's {@code camunda:assignee} as the author wrote it; empty when it has none. */
	private String assigneeInModel(Task task) {
		ModelElementInstance element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
			.getModelElementById(task.getTaskDefinitionKey());
		String assignee = element instanceof UserTask userTask ? userTask.getCamundaAssignee() : null;
		return assignee == null ? "" : assignee.strip();
	}
}
