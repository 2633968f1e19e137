package io.firebreak.audit;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import io.firebreak.audit.AuditEntry.Source;

/**
 * What Camunda's history knows of the plans that worked on an incident: every process instance
 * with the incident's business key (the plan itself, the plans it called, and the follow-ups it
 * started, such as action items), each with the plan version that ran, its activity instances,
 * user tasks (created, claimed or assigned, completed, with the values submitted), variable changes
 * old → new, the user operation log, and jobs that failed with their retries.
 */
@Component
class EngineHistoryTrail {

	private final HistoryService history;
	private final RepositoryService repository;
	/** Deployed definitions never change: the label of each is read once. */
	private final Map<String, String> planLabels = new ConcurrentHashMap<>();

	EngineHistoryTrail(HistoryService history, RepositoryService repository) {
		this.history = history;
		this.repository = repository;
	}

	/** The lines, and the plan version each process instance ran (instance id → plan). */
	record History(List<AuditEntry> entries, Map<String, String> plans) {
	}

	History of(String incidentKey) {
		List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(incidentKey)
			.orderByProcessInstanceStartTime()
			.asc()
			.list();
		List<AuditEntry> entries = new ArrayList<>();
		Map<String, String> plans = new HashMap<>();
		if (instances.isEmpty()) {
			return new History(entries, plans);
		}
		Map<String, List<HistoricVariableUpdate>> updates = variableUpdates(instances);
		for (HistoricProcessInstance instance : instances) {
			String plan = plan(instance.getProcessDefinitionId());
			plans.put(instance.getId(), plan);
			Trail trail = new Trail(incidentKey, plan, entries);
			planLines(trail, instance);
			List<HistoricVariableUpdate> instanceUpdates = updates.getOrDefault(instance.getId(), List.of());
			List<UserOperationLogEntry> operations = history.createUserOperationLogQuery()
				.processInstanceId(instance.getId())
				.orderByTimestamp()
				.asc()
				.list();
			Set<String> taskActivities = taskLines(trail, instance, instanceUpdates, completions(operations));
			activityLines(trail, instance, taskActivities);
			variableLines(trail, instanceUpdates);
			operationLines(trail, operations);
			jobLines(trail, instance);
		}
		return new History(entries, plans);
	}

	/** The plan as people name it: its key and version, and the author's version tag if any. */
	String plan(String processDefinitionId) {
		return planLabels.computeIfAbsent(processDefinitionId, id -> {
			ProcessDefinition definition = repository.getProcessDefinition(id);
			String label = definition.getKey() + " v" + definition.getVersion();
			return definition.getVersionTag() == null ? label : label + " (" + definition.getVersionTag() + ")";
		});
	}

	private record Trail(String incident, String plan, List<AuditEntry> entries) {

		void add(Date at, Source source, String element, String actor, String action, String detail) {
			add(at, source, element, actor, action, detail, Map.of());
		}

		void add(Date at, Source source, String element, String actor, String action, String detail,
				Map<String, String> values) {
			entries.add(new AuditEntry(at.toInstant(), incident, source, plan, element, actor, action, detail, values,
					null, null));
		}
	}

	private void planLines(Trail trail, HistoricProcessInstance instance) {
		String calledBy = instance.getSuperProcessInstanceId() == null ? ""
				: ", called by process instance " + instance.getSuperProcessInstanceId();
		trail.add(instance.getStartTime(), Source.PLAN, instance.getProcessDefinitionKey(), instance.getStartUserId(),
				"plan started", "%s started as process instance %s%s".formatted(trail.plan(), instance.getId(), calledBy));
		if (instance.getEndTime() != null) {
			String reason = instance.getDeleteReason();
			trail.add(instance.getEndTime(), Source.PLAN, instance.getProcessDefinitionKey(), null,
					reason == null ? "plan ended" : "plan cancelled",
					"%s %s (%s)".formatted(trail.plan(), reason == null ? "ended" : "cancelled: " + reason,
							instance.getState()));
		}
	}

	/** Returns the activity instances of the tasks, which the task lines already tell. */
	private Set<String> taskLines(Trail trail, HistoricProcessInstance instance,
			List<HistoricVariableUpdate> instanceUpdates, Map<String, UserOperationLogEntry> completions) {
		Set<String> taskActivities = new HashSet<>();
		for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
			.processInstanceId(instance.getId())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list()) {
			taskActivities.add(task.getActivityInstanceId());
			String name = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
			trail.add(task.getStartTime(), Source.TASK, name, null, "task created",
					"Task " + name + (task.getDueDate() == null ? "" : ", due " + task.getDueDate().toInstant()));
			for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
				.taskId(task.getId())
				.type(IdentityLinkType.ASSIGNEE)
				.orderByTime()
				.asc()
				.list()) {
				boolean claimed = link.getUserId().equals(link.getAssignerId());
				String action = "add".equals(link.getOperationType()) ? claimed ? "task claimed" : "task assigned"
						: "task unassigned";
				String by = link.getAssignerId() == null ? "" : " by " + link.getAssignerId();
				trail.add(link.getTime(), Source.TASK, name, link.getAssignerId(), action,
						"%s %s %s%s".formatted(name, action.substring(5), link.getUserId(), by));
			}
			if (task.getEndTime() != null) {
				String reason = task.getDeleteReason();
				boolean completed = reason == null || "completed".equals(reason);
				UserOperationLogEntry completion = completions.get(task.getId());
				Map<String, String> submitted = completed ? submitted(task, instanceUpdates) : Map.of();
				String by = !completed ? null : completion != null ? completion.getUserId() : task.getAssignee();
				trail.add(task.getEndTime(), Source.TASK, name, by, completed ? "task completed" : "task ended",
						completed ? name + " completed" + (by == null ? "" : " by " + by) : name + " ended: " + reason,
						submitted);
			}
		}
		return taskActivities;
	}

	/**
	 * The values submitted when the task was completed: what was set on the plan's variables from
	 * the task's step. Variables local to the task (the option lists and settings a task is created
	 * with, such as the roster's pools) are what it was given, not what was submitted, and are left
	 * out.
	 */
	private static Map<String, String> submitted(HistoricTaskInstance task, List<HistoricVariableUpdate> updates) {
		Map<String, String> values = new LinkedHashMap<>();
		for (HistoricVariableUpdate update : updates) {
			if (update.getTaskId() == null && task.getActivityInstanceId() != null
					&& task.getActivityInstanceId().equals(update.getActivityInstanceId())) {
				values.put(update.getVariableName(), VariableText.of(update));
			}
		}
		return values;
	}

	private void activityLines(Trail trail, HistoricProcessInstance instance, Set<String> taskActivities) {
		for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.orderPartiallyByOccurrence()
			.asc()
			.list()) {
			if (taskActivities.contains(activity.getId())) {
				continue;
			}
			String name = activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName();
			String type = activity.getActivityType();
			Date ended = activity.getEndTime();
			if (ended != null && ended.equals(activity.getStartTime()) && !activity.isCanceled()) {
				trail.add(ended, Source.ACTIVITY, name, null, "passed", "%s (%s)".formatted(name, type));
				continue;
			}
			String called = activity.getCalledProcessInstanceId() == null ? ""
					: ", calling process instance " + activity.getCalledProcessInstanceId();
			trail.add(activity.getStartTime(), Source.ACTIVITY, name, null, "entered",
					"%s (%s)%s".formatted(name, type, called));
			if (ended != null) {
				trail.add(ended, Source.ACTIVITY, name, null, activity.isCanceled() ? "cancelled" : "left",
						"%s (%s)".formatted(name, type));
			}
		}
	}

	private static void variableLines(Trail trail, List<HistoricVariableUpdate> updates) {
		Map<String, String> current = new HashMap<>();
		for (HistoricVariableUpdate update : updates) {
			String name = update.getVariableName();
			String value = VariableText.of(update);
			String previous = current.put(update.getVariableInstanceId(), value);
			Map<String, String> change = new LinkedHashMap<>();
			change.put("old", previous);
			change.put("new", value);
			trail.add(update.getTime(), Source.VARIABLE, name, null, previous == null ? "variable set" : "variable changed",
					previous == null ? name + " = " + value : name + ": " + previous + " → " + value, change);
		}
	}

	/**
	 * Task id → its completion in the operation log: who completed it, for completions by a
	 * signed-in person (Tasklist, the REST API; a task need not be claimed to be completed), and when
	 * the completion began.
	 */
	private static Map<String, UserOperationLogEntry> completions(List<UserOperationLogEntry> operations) {
		Map<String, UserOperationLogEntry> completions = new HashMap<>();
		for (UserOperationLogEntry entry : operations) {
			if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType()) && entry.getTaskId() != null
					&& entry.getUserId() != null) {
				completions.put(entry.getTaskId(), entry);
			}
		}
		return completions;
	}

	private static void operationLines(Trail trail, List<UserOperationLogEntry> entries) {
		Map<String, List<UserOperationLogEntry>> operations = new LinkedHashMap<>();
		for (UserOperationLogEntry entry : entries) {
			operations.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry);
		}
		operations.values().forEach(operation -> {
			UserOperationLogEntry first = operation.get(0);
			Map<String, String> changes = new LinkedHashMap<>();
			for (UserOperationLogEntry entry : operation) {
				if (entry.getProperty() != null) {
					changes.put(entry.getProperty(), entry.getOrgValue() + " → " + entry.getNewValue());
				}
			}
			trail.add(first.getTimestamp(), Source.OPERATION, first.getEntityType(), first.getUserId(),
					first.getOperationType(), operationDetail(first), changes);
		});
	}

	/** Who did what to which task or job, as an operation log entry tells it. */
	static String operationDetail(UserOperationLogEntry entry) {
		String target = entry.getTaskId() != null ? "task " + entry.getTaskId()
				: entry.getJobId() != null ? "job " + entry.getJobId() : entry.getEntityType();
		return "%s %s on %s".formatted(entry.getUserId() == null ? "The engine" : entry.getUserId(),
				entry.getOperationType(), target);
	}

	/** Only jobs that failed at least once: every attempt, its error and the retries left, and how it ended. */
	private void jobLines(Trail trail, HistoricProcessInstance instance) {
		List<HistoricJobLog> logs = history.createHistoricJobLogQuery()
			.processInstanceId(instance.getId())
			.orderPartiallyByOccurrence()
			.asc()
			.list();
		Set<String> failedJobs = new HashSet<>();
		logs.stream().filter(HistoricJobLog::isFailureLog).forEach(log -> failedJobs.add(log.getJobId()));
		for (HistoricJobLog log : logs) {
			if (!failedJobs.contains(log.getJobId())) {
				continue;
			}
			String step = log.getActivityId();
			String job = "%s job %s at %s".formatted(log.getJobDefinitionType(), log.getJobId(), step);
			if (log.isFailureLog()) {
				trail.add(log.getTimestamp(), Source.JOB, step, null, "job failed", "%s failed: %s (retries: %d)"
					.formatted(job, log.getJobExceptionMessage(), log.getJobRetries()));
			}
			else if (log.isSuccessLog()) {
				trail.add(log.getTimestamp(), Source.JOB, step, null, "job succeeded", job + " succeeded");
			}
			else if (log.isDeletionLog()) {
				trail.add(log.getTimestamp(), Source.JOB, step, null, "job deleted", job + " deleted");
			}
			else {
				trail.add(log.getTimestamp(), Source.JOB, step, null, "job created",
						job + " created (retries: " + log.getJobRetries() + ")");
			}
		}
	}

	private Map<String, List<HistoricVariableUpdate>> variableUpdates(List<HistoricProcessInstance> instances) {
		Map<String, List<HistoricVariableUpdate>> updates = new HashMap<>();
		for (HistoricDetail detail : history.createHistoricDetailQuery()
			.processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
			.variableUpdates()
			.disableBinaryFetching()
			.disableCustomObjectDeserialization()
			.orderPartiallyByOccurrence()
			.asc()
			.list()) {
			updates.computeIfAbsent(detail.getProcessInstanceId(), id -> new ArrayList<>())
				.add((HistoricVariableUpdate) detail);
		}
		return updates;
	}
}
