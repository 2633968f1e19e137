package io.firebreak.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentDeclarations;

/** Tasklist tells incidents apart, and a person's first filter shows what waits for them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class TasklistFiltersIntegrationTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	TasklistFilters filters;

	@Autowired
	TestRestTemplate rest;

	@Test
	void everyFilterShowsTheIncidentKeyTitleAndSeverityAsColumns() {
		for (TasklistFilters.RoleFilter role : TasklistFilters.FILTERS) {
			Map<String, Object> properties = filter(role.name()).getProperties();
			assertThat(properties.get("variables")).as(role.name()).isEqualTo(List.of(
					Map.of("name", "incidentKey", "label", "Incident"), Map.of("name", "title", "label", "Title"),
					Map.of("name", "severity", "label", "Severity")));
			assertThat(properties.get("firebreak")).as(role.name()).isEqualTo(TasklistFilters.VERSION);
		}
	}

	@Test
	void myIncidentTasksShowsACommanderTheAssessmentWaitingForTheirGroupAndOnCallTheirPage() {
		String key = declare("Checkout errors");
		runDueJobsOf(key);
		String mine = filter(TasklistFilters.MY_TASKS).getId();

		assertThat(as("ic", "incident-commanders", () -> tasks(mine, key))).containsExactly("Assess incident");
		assertThat(as("oncall", "responders", () -> tasks(mine, key))).containsExactly("Acknowledge page");
		assertThat(as("oncall2", "responders", () -> tasks(mine, key)))
			.as("paged responder's page is theirs; nothing else waits for responders yet").isEmpty();
		assertThat(as("comms", "communications", () -> tasks(mine, key))).isEmpty();
		assertThat(as("ic", "incident-commanders", () -> tasks(filter("Incident command").getId(), key)))
			.containsExactly("Assess incident");
		assertThat(as("oncall2", "responders", () -> tasks(filter("Response").getId(), key)))
			.as("a role's filter shows its group's tasks, claimed ones too").containsExactly("Acknowledge page");
	}

	@Test
	void tasklistsTaskListCarriesTheColumnsValues() throws Exception {
		String key = declare("Payments double-charging");
		runDueJobsOf(key);
		String mine = filter(TasklistFilters.MY_TASKS).getId();

		// what Tasklist asks for: POST /filter/{id}/list as HAL, with the filter's variables embedded
		for (String user : List.of("ic", "oncall")) {
			JsonNode list = halList(user, mine, key);
			JsonNode task = list.path("_embedded").path("task").get(0);
			assertThat(task).as(user).isNotNull();
			Map<String, String> values = new LinkedHashMap<>();
			task.path("_embedded").path("variable").forEach(v -> values.put(v.path("name").asText(), v.path("value").asText()));
			assertThat(values).as(user).containsEntry("incidentKey", key).containsEntry("title", "Payments double-charging")
				.containsEntry("severity", "SEV2");
		}
	}

	@Test
	void anOldStyleFilterIsUpgradedInPlaceAndOneAnAdminSavedInTasklistIsLeftAlone() {
		Filter old = filter("Response");
		old.setProperties(Map.of("description", "Acknowledge, contain and mitigate", "priority", 10, "refresh", true));
		old.setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("responders").includeAssignedTasks());
		engine.getFilterService().saveFilter(old);
		Filter adminsOwn = filter("Communications");
		Map<String, Object> adminProperties = Map.of("description", "Ours now", "priority", 20, "color", "#555555",
				"refresh", false, "variables", List.of(), "showUndefinedVariable", false);
		adminsOwn.setProperties(adminProperties);
		engine.getFilterService().saveFilter(adminsOwn);

		filters.apply();

		Filter upgraded = filter("Response");
		assertThat(upgraded.getId()).isEqualTo(old.getId());
		assertThat(upgraded.getProperties()).containsEntry("firebreak", TasklistFilters.VERSION)
			.containsEntry("variables", TasklistFilters.COLUMNS);
		assertThat(as("oncall", "responders", () -> engine.getFilterService().createFilterQuery().filterName("Response")
			.count())).as("the grant on the same id still holds").isEqualTo(1);
		assertThat(filter("Communications").getProperties()).isEqualTo(adminProperties);

		Map<String, Object> before = new LinkedHashMap<>(adminProperties);
		before.remove("variables");
		adminsOwn.setProperties(before);
		engine.getFilterService().saveFilter(adminsOwn);
		filters.apply();
		assertThat(filter("Communications").getProperties()).containsEntry("description", "Stakeholder updates");
	}

	private String declare(String title) {
		return declarations.declare(IncidentDeclaration.of(title, null, "checkout", "significant", "high", null,
				false), "alertmanager").value();
	}

	private void runDueJobsOf(String key) {
		String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
			.singleResult().getId();
		var management = engine.getManagementService();
		management.createJobQuery().processInstanceId(instance).executable().list()
			.forEach(job -> management.executeJob(job.getId()));
	}

	private List<String> tasks(String filterId, String key) {
		List<Task> tasks = engine.getFilterService().list(filterId,
				engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key));
		List<String> names = new ArrayList<>();
		tasks.forEach(task -> names.add(task.getName()));
		return names;
	}

	private JsonNode halList(String user, String filterId, String key) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		ResponseEntity<String> response = rest.exchange("/engine-rest/filter/" + filterId + "/list", HttpMethod.POST,
				new HttpEntity<>(Map.of("processInstanceBusinessKey", key), headers), String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return new ObjectMapper().readTree(response.getBody());
	}

	private Filter filter(String name) {
		return engine.getFilterService().createFilterQuery().filterName(name).singleResult();
	}

	private <T> T as(String user, String group, Supplier<T> work) {
		engine.getIdentityService().setAuthentication(user, List.of(group));
		try {
			return work.get();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}
}
