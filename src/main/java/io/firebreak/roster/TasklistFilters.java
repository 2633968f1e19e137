package io.firebreak.roster;

import java.util.LinkedHashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Firebreak's Tasklist filters: one everyone sees first ("My incident tasks": what waits for me or
 * my groups), and one per role, visible to that role's group. Each shows the incident key, title
 * and severity as list columns, so that two open incidents' tasks can be told apart, and lists the
 * most urgent first (due date, then priority).
 * <p>
 * Filters are found by name. One carries the property {@code firebreak}: the version of Firebreak's
 * definition it was last written from. An older version, or a filter Firebreak made before versions
 * (no {@code firebreak} and no {@code variables} property), is rewritten in place: same id, so
 * grants and bookmarks stay, and properties an admin added stay too. A filter an admin saved in
 * Tasklist (which drops {@code firebreak} and always writes {@code variables}) is the admin's and is
 * left alone, as is a current one.
 */
@Component
class TasklistFilters {

	private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

	/** Raise when the queries, columns or properties below change, so existing installs get them. */
	static final int VERSION = 2;
	static final String VERSION_PROPERTY = "firebreak";
	/** Tasklist's list columns: filter property {@code variables}, process variables by name and label. */
	static final List<Map<String, String>> COLUMNS = List.of(column("incidentKey", "Incident"),
			column("title", "Title"), column("severity", "Severity"));

	record RoleFilter(String name, String description, RosterGroup group, int priority) {
	}

	static final String MY_TASKS = "My incident tasks";

	static final List<RoleFilter> FILTERS = List.of(
			new RoleFilter(MY_TASKS, "Assigned to me, or waiting for one of my groups; most urgent first", null, -10),
			new RoleFilter("Incident command", "Assess, verify, resolve and review", RosterGroup.INCIDENT_COMMANDERS, 0),
			new RoleFilter("Response", "Acknowledge, contain and mitigate", RosterGroup.RESPONDERS, 10),
			new RoleFilter("Communications", "Stakeholder updates", RosterGroup.COMMUNICATIONS, 20),
			new RoleFilter("Security response", "Security incident tasks", RosterGroup.SECURITY_TEAM, 30),
			new RoleFilter("Plan reviews", "Reviews of the response plans", RosterGroup.PLAN_AUTHORS, 40));

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
		List<Filter> existing = filterService.createFilterQuery().filterName(role.name()).list();
		if (existing.isEmpty()) {
			Filter filter = filterService.newTaskFilter(role.name());
			write(filter, role);
			authorize(filter, role);
			return;
		}
		existing.stream().filter(TasklistFilters::outdated).forEach(filter -> {
			write(filter, role);
			log.info("Tasklist filter '{}' upgraded to Firebreak's version {}", role.name(), VERSION);
		});
	}

	private static boolean outdated(Filter filter) {
		Map<String, Object> properties = filter.getProperties() == null ? Map.of() : filter.getProperties();
		Object version = properties.get(VERSION_PROPERTY);
		if (version == null) {
			return !properties.containsKey("variables");
		}
		return version instanceof Number number && number.intValue() < VERSION;
	}

	private void write(Filter filter, RoleFilter role) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (filter.getProperties() != null) {
			properties.putAll(filter.getProperties());
		}
		properties.put("description", role.description());
		properties.put("priority", role.priority());
		properties.put("refresh", true);
		properties.put("variables", COLUMNS);
		properties.put(VERSION_PROPERTY, VERSION);
		filter.setProperties(properties);
		filter.setQuery(query(role));
		filterService.saveFilter(filter);
	}

	/**
	 * "My incident tasks": assigned to me, or unclaimed and waiting for me or one of my groups (a
	 * candidate-user query covers the user's groups). A role's filter: every task of its group,
	 * claimed ones included, so the team sees who has what.
	 */
	private TaskQuery query(RoleFilter role) {
		TaskQuery query = role.group() == null
				? taskService.createTaskQuery()
					.or()
					.taskAssigneeExpression("${currentUser()}")
					.taskCandidateUserExpression("${currentUser()}")
					.endOr()
				: taskService.createTaskQuery().taskCandidateGroup(role.group().id()).includeAssignedTasks();
		return query.orderByDueDate().asc().orderByTaskPriority().desc();
	}

	private void authorize(Filter filter, RoleFilter role) {
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

	private static Map<String, String> column(String variable, String label) {
		return Map.of("name", variable, "label", label);
	}
}
