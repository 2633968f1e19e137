package io.firebreak.incident;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import io.firebreak.roster.Roster;

/** Works an incident the way the demo roster would: each task completed as a named person. */
public class IncidentResponseDriver {

	private final ProcessEngine engine;
	private final IncidentDeclarations declarations;
	private final Roster roster;

	public IncidentResponseDriver(ProcessEngine engine, IncidentDeclarations declarations, Roster roster) {
		this.engine = engine;
		this.declarations = declarations;
		this.roster = roster;
	}

	public ProcessInstance declare(String title, String service, String impact, String urgency, boolean drill) {
		IncidentKey key = as("ic", () -> declarations.declare(
				IncidentDeclaration.of(title, "what we see", service, impact, urgency, null, drill)));
		return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key.value())
			.singleResult();
	}

	public void complete(ProcessInstance instance, String taskDefinitionKey, String user, Map<String, Object> form) {
		Task task = task(taskDefinitionKey, instance);
		as(user, () -> {
			engine.getTaskService().complete(task.getId(), form);
			return null;
		});
	}

	public void assess(ProcessInstance instance, String impact, String urgency) {
		complete(instance, "UserTask_AssessIncident", "ic", Map.of("impact", impact, "urgency", urgency, "service", "checkout", "commander", "ic",
				"communicationsLead", "comms", "scribe", "oncall2", "customerImpact", "Payments fail for EU"));
	}

	/** Pages, acknowledges, assesses, contains, mitigates, verifies and resolves: up to the resolution notice. */
	public void workToResolved(ProcessInstance instance, String impact, String urgency) {
		runJob(instance);
		complete(instance, "UserTask_AcknowledgePage", "oncall", Map.of());
		assess(instance, impact, urgency);
		runDueJobs(instance); // the initial notice
		complete(instance, "UserTask_ContainIncident", "oncall", Map.of("containmentActions", "Drained the zone"));
		complete(instance, "UserTask_MitigateIncident", "oncall", Map.of("mitigationActions", "Rolled back"));
		complete(instance, "UserTask_VerifyRecovery", "ic", Map.of("recovered", true, "recoveryEvidence", "Healthy"));
		complete(instance, "UserTask_ResolveIncident", "ic", Map.of("resolutionSummary", "Bad release rolled back"));
	}

	/** Works an open incident to closed: assessed as minor and low (so no review is required), then every step. */
	public void workToClosed(IncidentKey key) {
		ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceBusinessKey(key.value()).processDefinitionKey(IncidentResponseVariables.PROCESS_ID)
			.singleResult();
		workToResolved(instance, "minor", "low");
		runJob(instance);
	}

	/** Runs the one due job of the instance (async page, escalation or timer), as the job executor would. */
	public void runJob(ProcessInstance instance) {
		Job job = job(instance);
		engine.getManagementService().executeJob(job.getId());
	}

	/** Runs the job of the given step (an async step, or a timer whether or not its time has come). */
	public void runJob(ProcessInstance instance, String activityId) {
		Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
			.activityId(activityId).singleResult();
		if (job == null) {
			throw new AssertionError("no job at " + activityId + " of " + instance.getBusinessKey());
		}
		engine.getManagementService().executeJob(job.getId());
	}

	/**
	 * Runs every job of the instance that is due now (async steps, and timers whose time has come on
	 * the test clock), and those they create, until none is due, as the job executor would.
	 */
	public void runDueJobs(ProcessInstance instance) {
		for (int round = 0; round < 100; round++) {
			List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
				.executable().list();
			if (due.isEmpty()) {
				return;
			}
			// one at a time: a job may end another (an interrupting timer its step's other timers)
			engine.getManagementService().executeJob(due.get(0).getId());
		}
		throw new AssertionError("jobs of " + instance.getBusinessKey() + " keep coming");
	}

	/**
	 * The jobs of the incident's notice deliveries whose notification key starts with
	 * {@code incidentKey + "/" + prefix} (e.g. {@code notice/resolution/}): each delivery is a
	 * notification-delivery instance whose business key is its notification's key.
	 */
	public List<Job> deliveryJobs(String incidentKey, String prefix) {
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("notification-delivery")
			.processInstanceBusinessKeyLike(incidentKey + "/" + prefix + "%").list().stream()
			.flatMap(delivery -> engine.getManagementService().createJobQuery().processInstanceId(delivery.getId())
				.list().stream())
			.toList();
	}

	/** Runs the incident's notice deliveries that are due, as the job executor would. */
	public void runDeliveries(String incidentKey) {
		deliveryJobs(incidentKey, "").forEach(job -> engine.getManagementService().executeJob(job.getId()));
	}

	/**
	 * Runs the due jobs of every process working on incident {@code key} (the plan and the
	 * postmortem it called; not the deliveries, whose business key is their notification's) until
	 * none is left, as the job executor would.
	 */
	public static void runDueJobs(RuntimeService runtime, ManagementService management, String key) {
		for (int round = 0; round < 20; round++) {
			List<String> due = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
				.flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).executable().list()
					.stream())
				.map(Job::getId).toList();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(management::executeJob);
		}
		throw new AssertionError("jobs of " + key + " keep coming");
	}

	public <T> T as(String user, java.util.function.Supplier<T> work) {
		List<String> groups = roster.person(user).orElseThrow().groups();
		engine.getIdentityService().setAuthentication(user, groups);
		try {
			return work.get();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}
}
