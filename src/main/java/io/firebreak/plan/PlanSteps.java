package io.firebreak.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentMilestones;
import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.incident.IncidentType;
import io.firebreak.incident.Milestone;
import io.firebreak.notification.Audiences;
import io.firebreak.roster.Roster;

/**
 * What the engine plugin does at every step of every plan: fills a task's people lists and dates
 * when it is created (and marks a drill's tasks [DRILL]), checks what a form submitted against the
 * deployed form's own rules, and hands milestones and submissions to the record. Knows no plan's
 * ids and no form's fields.
 */
@Component
class PlanSteps {

	static final String DRILL_MARK = "[DRILL] ";

	private final IncidentMilestones milestones;
	private final PlanForms forms;
	private final Roster roster;
	private final RosterOptions rosterOptions;
	private final Clock clock;
	private final Audiences audiences;

	PlanSteps(IncidentMilestones milestones, PlanForms forms, Roster roster, RosterOptions rosterOptions, Clock clock,
			Audiences audiences) {
		this.milestones = milestones;
		this.forms = forms;
		this.roster = roster;
		this.rosterOptions = rosterOptions;
		this.clock = clock;
		this.audiences = audiences;
	}

	/**
	 * Due dates come from the severity (the priority table's {@code taskDueIn}) unless the plan sets
	 * one; the follow-up date falls halfway there, so that a task resurfaces before it is late.
	 */
	void taskCreated(DelegateTask task, Optional<FormReference> form) {
		Instant now = clock.instant();
		markDrill(task);
		if (task.getDueDate() == null) {
			dueIn(task).ifPresent(dueIn -> task.setDueDate(Date.from(now.plus(dueIn))));
		}
		if (task.getFollowUpDate() == null && task.getDueDate() != null && task.getDueDate().toInstant().isAfter(now)) {
			Duration untilDue = Duration.between(now, task.getDueDate().toInstant());
			task.setFollowUpDate(Date.from(now.plus(untilDue.dividedBy(2))));
		}
		form.flatMap(reference -> forms.of(reference, task.getProcessDefinitionId()))
			.ifPresent(rules -> rules.rosterOptions()
				.forEach(kind -> task.setVariableLocal(kind.valuesKey(),
						SpinValues.jsonValue(rosterOptions.json(kind)).create())));
	}

	/** A drill's tasks say so in Tasklist's list and header, where the incident's badge is not seen. */
	private static void markDrill(DelegateTask task) {
		if (IncidentResponseVariables.of(task).flag(IncidentResponseVariables.DRILL) && task.getName() != null
				&& !task.getName().startsWith(DRILL_MARK)) {
			task.setName(DRILL_MARK + task.getName());
		}
	}

	void taskCompleted(DelegateTask task, Optional<FormReference> form, Optional<Milestone> milestone) {
		List<String> submitted = form.flatMap(reference -> forms.of(reference, task.getProcessDefinitionId()))
			.map(rules -> rules.check(task::getVariable, roster, clock, audience -> reaches(audience, task)))
			.orElse(List.of());
		milestones.stepCompleted(task, milestone, completedBy(task), task.getName(), submitted);
	}

	/** Whether the incident the task works on reaches the audience, by its severity (a drill: responders only). */
	private boolean reaches(String audience, DelegateTask task) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(task);
		return audiences.reaches(audience, variables.text(IncidentResponseVariables.SEVERITY),
				IncidentType.of(variables.text(IncidentResponseVariables.INCIDENT_TYPE)).value(),
				variables.flag(IncidentResponseVariables.DRILL));
	}

	/**
	 * A start event or another element marked with a milestone ended. A start form is checked when
	 * it was submitted (Tasklist's start form, {@code submit-form}); declarations over the API and
	 * from alerts carry their own checks, and may name services the form does not list.
	 */
	void elementEnded(DelegateExecution execution, Optional<FormReference> form, Optional<Milestone> milestone) {
		if (startFormSubmitted()) {
			form.flatMap(reference -> forms.of(reference, execution.getProcessDefinitionId()))
				.ifPresent(rules -> rules.check(execution::getVariable, roster, clock));
		}
		milestone.ifPresent(reached -> milestones.reached(reached, execution));
	}

	private static boolean startFormSubmitted() {
		CommandInvocationContext invocation = Context.getCommandInvocationContext();
		return invocation != null && invocation.getCommand() instanceof SubmitStartFormCmd;
	}

	private static Optional<Duration> dueIn(DelegateTask task) {
		Object dueIn = task.getVariable(IncidentResponseVariables.TASK_DUE_IN);
		if (dueIn == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Duration.parse(dueIn.toString()));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	private static String completedBy(DelegateTask task) {
		Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return authentication != null ? authentication.getUserId() : task.getAssignee();
	}
}
