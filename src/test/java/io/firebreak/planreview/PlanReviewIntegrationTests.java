package io.firebreak.planreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.plan.ResponsePlans;
import io.firebreak.roster.Roster;
import io.firebreak.system.HttpClient;

/**
 * Plan reviews as people meet them: started on demand over Firebreak's API and /engine-rest, worked
 * in Tasklist's way (/engine-rest submit-form), each plan's last and open review on /plans, an
 * overdue one on the dashboard, and a plan that names an owner off the roster refused at deploy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class PlanReviewIntegrationTests {

	static final String MAIN = "incident-response";
	static final String VENDOR = "third-party-degradation";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ResponsePlans plans;

	@Autowired
	Roster roster;

	HttpClient http;

	PlanReviewDriver driver;

	final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void setUp() {
		http = new HttpClient(rest);
		driver = new PlanReviewDriver(engine, roster);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void reviewsStartOnDemandAndTheirOutcomesAndOverdueOnesShowOnPlansAndTheDashboard() throws Exception {
		ResponseEntity<String> refused = http.post("oncall", "/api/plan-reviews", Map.of());
		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(refused.getBody()).contains("Plan authors, incident commanders and admins start plan reviews");

		ResponseEntity<String> started = http.post("author", "/api/plan-reviews", Map.of());
		assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
		JsonNode answer = json.readTree(started.getBody());
		assertThat(answer.path("plans").toString()).contains(MAIN, VENDOR);
		ProcessInstance cycle = engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceId(answer.path("processInstanceId").asText()).singleResult();
		Map<String, Task> tasks = driver.tasksByPlan(cycle);
		assertThat(tasks).containsOnlyKeys(plans.keys());

		ResponseEntity<String> overEngineRest = http.post("author",
				"/engine-rest/process-definition/key/plan-review/start", Map.of());
		assertThat(overEngineRest.getStatusCode().value()).as("plan authors may start one: " + overEngineRest.getBody())
			.isEqualTo(200);

		String before = http.get("auditor", "/plans").getBody();
		assertThat(before).contains("Not reviewed yet.", "Under review (version", "by any plan author, due");

		String submit = "/engine-rest/task/" + tasks.get(MAIN).getId() + "/submit-form";
		ResponseEntity<String> noNotes = http.post("author", submit,
				HttpClient.variables(Map.of("planReviewOutcome", "changes-needed")));
		assertThat(noNotes.getStatusCode().value()).as(noNotes.getBody()).isEqualTo(400);
		assertThat(noNotes.getBody()).contains("What needs to change");
		ResponseEntity<String> reviewed = http.post("author", submit, HttpClient.variables(
				Map.of("planReviewOutcome", "changes-needed", "reviewNotes", "Page the <database> team too")));
		assertThat(reviewed.getStatusCode().value()).as(reviewed.getBody()).isEqualTo(204);

		String after = http.get("ic", "/plans/" + MAIN).getBody();
		assertThat(after).contains("by Arthur Author (version " + plans.latest(MAIN).orElseThrow().version() + ")",
				"changes needed", HtmlUtils.htmlEscape("Page the <database> team too"));
		assertThat(http.get("ic", "/plans").getBody()).as("the catalog too")
			.contains("Last reviewed", HtmlUtils.htmlEscape("Page the <database> team too"));

		assertThat(http.get("admin", "/").getBody()).doesNotContain("Overdue plan reviews");
		ClockUtil.offset(Duration.ofDays(15).toMillis());
		String dashboard = http.get("admin", "/").getBody();
		assertThat(dashboard).contains("Overdue plan reviews (" + (2 * plans.keys().size() - 1) + ")",
				"href=\"/plans/" + VENDOR + "\"", "/camunda/app/tasklist/default/#/?task=" + tasks.get(VENDOR).getId(),
				"any plan author");
	}

	@Test
	void aPlanNamingAnOwnerWhoIsNotOnTheRosterIsRefusedAtDeployAndOneWhoIsGetsTheReview() throws Exception {
		String vendorPlan = Files.readString(Path.of("processes", VENDOR + ".bpmn"));

		assertThatThrownBy(() -> deployVendorPlanOwnedBy(vendorPlan, "nobody"))
			.hasMessageContaining("names 'nobody' as its owner (property 'firebreak.owner'), who is not on the roster");
		deployVendorPlanOwnedBy(vendorPlan, "oncall2");

		assertThat(plans.latest(VENDOR).orElseThrow().owner()).isEqualTo("oncall2");
		ProcessInstance cycle = driver.start("ic");
		assertThat(driver.tasksByPlan(cycle).get(VENDOR).getAssignee()).isEqualTo("oncall2");
		assertThat(engine.getTaskService().createTaskQuery().taskAssignee("oncall2").list())
			.as("in the owner's own tasks").isNotEmpty();
		assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("plan-authors").includeAssignedTasks()
			.processInstanceId(cycle.getId()).count()).as("and in the Plan reviews filter").isEqualTo(plans.keys().size());
	}

	private void deployVendorPlanOwnedBy(String plan, String owner) {
		String owned = plan.replaceFirst(
				"(<bpmn:process id=\"" + VENDOR + "\"[^>]*>\\s*<bpmn:documentation>.*?</bpmn:documentation>)",
				"$1<bpmn:extensionElements><camunda:properties><camunda:property name=\"firebreak.owner\" value=\""
						+ owner + "\" /></camunda:properties></bpmn:extensionElements>");
		assertThat(owned).contains("value=\"" + owner + "\"");
		DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(VENDOR)
			.addString(VENDOR + ".bpmn", owned);
		// as Modeler deploys a plan: with the forms and decision tables it binds by deployment
		try (Stream<Path> files = Stream.concat(Files.list(Path.of("forms")), Files.list(Path.of("processes")))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form") || f.toString().endsWith(".dmn")).toList()) {
				deployment.addString(file.getFileName().toString(), Files.readString(file));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		deployment.deploy();
	}
}
