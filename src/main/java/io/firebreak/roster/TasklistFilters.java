package io.firebreak.roster;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/** One Tasklist filter per role, visible to that role's group; created once, then left to admins. */
@Component
class TasklistFilters {

	record RoleFilter(String name, String description, RosterGroup group, int priority, String candidateGroup) {
	}

	static final List<RoleFilter> FILTERS = List.of(
			new RoleFilter("My incident tasks", "Tasks assigned to me, pages first", null, -10, null),
			new RoleFilter("Incident command", "Assess, verify, resolve and review", RosterGroup.INCIDENT_COMMANDERS, 0,
					"incident-commanders"),
			new RoleFilter("Response", "Acknowledge, contain and mitigate", RosterGroup.RESPONDERS, 10, "responders"),
			new RoleFilter("Communications", "Stakeholder updates", RosterGroup.COMMUNICATIONS, 20, "communications"),
			new RoleFilter("Security response", "Security incident tasks", RosterGroup.SECURITY_TEAM, 30,
					"security-team"),
			new RoleFilter("Plan reviews", "Reviews of the response plans", RosterGroup.PLAN_AUTHORS, 40,
					"plan-authors"));

	private final FilterService filterService;
	private final TaskService taskService;
	private final AuthorizationService authorizations;

	TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizations) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizations = authorizations;
	}

	void apply() {
		FILTERS.forEach(this::apply);
	}

	private void apply(RoleFilter role) {
		if (filterService.createFilterQuery().filterName(role.name()).count() > 0) {
			return;
		}
		TaskQuery query = role.candidateGroup() == null
				? taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
				: taskService.createTaskQuery().taskCandidateGroup(role.candidateGroup()).includeAssignedTasks();
		Filter filter = filterService.newTaskFilter(role.name())
			.setProperties(Map.of("description", role.description(), "priority", role.priority(), "refresh", true))
			.setQuery(query);
		filterService.saveFilter(filter);
		// Camunda ignores '*' in GRANT rules; a filter for everyone needs a GLOBAL one.
		Authorization read = authorizations.createNewAuthorization(
				role.group() == null ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
		read.setResource(Resources.FILTER);
		read.setResourceId(filter.getId());
		read.addPermission(Permissions.READ);
		if (role.group() == null) {
			read.setUserId(Authorization.ANY);
		}
		else {
			read.setGroupId(role.group().id());
		}
		authorizations.saveAuthorization(read);
	}
}
