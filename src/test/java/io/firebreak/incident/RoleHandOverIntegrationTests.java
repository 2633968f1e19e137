package io.firebreak.incident;

import static io.firebreak.system.HttpClient.variables;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.system.HttpClient;

/**
 * Roles change hands while the incident runs, over {@code POST /api/incidents/{key}/roles}: the
 * plan's variable, the tasks assigned by {@code ${commander}}, the record and the timeline move
 * together, and a refused hand-over changes none of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class RoleHandOverIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IncidentRepository incidents;

	final ObjectMapper json = new ObjectMapper();

	HttpClient http;

	@BeforeEach
	void setUp() {
		http = new HttpClient(rest);
	}

	@Test
	void someoneOfTheCommanderPoolTakesCommandAndTheCommandersTasksWithIt() throws Exception {
		String key = declareAndAssess("significant", "high");
		workToVerifyRecovery(key);
		assertThat(openTask(key, "Verify recovery").getAssignee()).isEqualTo("ic");

		ResponseEntity<String> takenOver = handOver("admin", key, "commander", "admin", "Ingrid is off shift");

		assertThat(takenOver.getStatusCode()).as(takenOver.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(body(takenOver).path("commander").asText()).isEqualTo("admin");
		assertThat(body(http.get("auditor", "/api/incidents/" + key)).path("commander").asText()).isEqualTo("admin");
		JsonNode last = lastTimelineEntry(key);
		assertThat(last.path("kind").asText()).isEqualTo("role_handed_over");
		assertThat(last.path("actor").asText()).isEqualTo("admin");
		assertThat(last.path("description").asText()).isEqualTo("Incident commander handed over from Ingrid Commander"
				+ " to Ada Admin by admin: Ingrid is off shift (open tasks moved: Verify recovery)");
		assertThat(openTask(key, "Verify recovery").getAssignee()).isEqualTo("admin");
		assertThat(runtime.getVariable(processInstanceId(key), "commander")).isEqualTo("admin");

		completeTask("admin", key, "Verify recovery", Map.of("recovered", true, "recoveryEvidence", "errors at baseline"));
		assertThat(openTask(key, "Resolve incident").getAssignee()).as("the plan assigns by ${commander} from now on")
			.isEqualTo("admin");
	}

	@Test
	void theCommanderHandsAnyRoleOverAndNoLongerMayOnceCommandIsHandedOn() throws Exception {
		String key = declareAndAssess("significant", "high");

		assertThat(handOver("ic", key, "communicationsLead", "ic", null).getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> commandHandedOn = handOver("ic", key, "commander", "admin", "handing over to Ada");

		assertThat(commandHandedOn.getStatusCode()).as(commandHandedOn.getBody()).isEqualTo(HttpStatus.OK);
		JsonNode incident = body(http.get("ic", "/api/incidents/" + key));
		assertThat(incident.path("communicationsLead").asText()).isEqualTo("ic");
		assertThat(incident.path("commander").asText()).isEqualTo("admin");
		assertThat(runtime.getVariable(processInstanceId(key), "communicationsLead")).isEqualTo("ic");
		assertThat(lastTimelineEntry(key).path("description").asText()).isEqualTo(
				"Incident commander handed over from Ingrid Commander to Ada Admin by ic: handing over to Ada");
		assertThat(handOver("ic", key, "scribe", "comms", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(handOver("admin", key, "scribe", "comms", null).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void someoneOutsideTheCommanderPoolMayNotTakeCommandAndNothingChanges() throws Exception {
		String key = declareAndAssess("significant", "high");
		workToVerifyRecovery(key);
		int timelineBefore = timeline(key).size();

		ResponseEntity<String> refused = handOver("oncall", key, "commander", "oncall", "let me");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(body(refused).path("error").asText()).isEqualTo("forbidden");
		assertThat(body(refused).path("detail").asText()).contains("oncall may not hand over command of " + key,
				"the current commander (ic)", "commander pool (ic, admin)");
		assertThat(handOver("oncall", key, "commander", "admin", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(handOver("comms", key, "scribe", "comms", null).getStatusCode()).as("only the commander hands roles on")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(handOver("auditor", key, "commander", "admin", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertNothingChanged(key, timelineBefore);
	}

	@Test
	void badHandOversAreRefusedWithWhatToFixAndNothingChanges() throws Exception {
		String key = declareAndAssess("significant", "high");
		workToVerifyRecovery(key);
		int timelineBefore = timeline(key).size();

		assertBadRequest(handOver("ic", key, "commander", "oncall", null),
				"oncall is not in the incident commander pool; pick one of: ic, admin");
		assertBadRequest(handOver("ic", key, "scribe", "admin", null),
				"admin is not in the scribe pool; pick one of: comms, oncall2, ic");
		assertBadRequest(handOver("ic", key, "captain", "admin", null),
				"role must be one of commander, communicationsLead, scribe (was 'captain')");
		assertBadRequest(handOver("ic", key, "commander", "mallory", null),
				"person must be the user id of someone on the roster (was 'mallory')");
		assertBadRequest(handOver("ic", key, "commander", null, null), "person is required");
		assertBadRequest(handOver("ic", key, "commander", "ic", null), "ic already is the incident commander of " + key);
		assertBadRequest(http.post("ic", "/api/incidents/" + key + "/roles", null), "send a JSON object with role");
		assertBadRequest(handOver("ic", key, "commander", "admin", "x".repeat(2001)), "note is 2001 characters long");
		assertThat(handOver("ic", "INC-1999-0001", "commander", "admin", null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertNothingChanged(key, timelineBefore);
	}

	@Test
	void aClosedIncidentKeepsItsRoles() throws Exception {
		String key = declareAndAssess("minor", "low");
		workToVerifyRecovery(key);
		completeTask("ic", key, "Verify recovery", Map.of("recovered", true, "recoveryEvidence", "fine"));
		completeTask("ic", key, "Resolve incident", Map.of("resolutionSummary", "Rolled back"));
		runJobsOf(key);
		assertThat(body(http.get("ic", "/api/incidents/" + key)).path("status").asText()).isEqualTo("closed");

		ResponseEntity<String> refused = handOver("admin", key, "commander", "admin", null);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(body(refused).path("detail").asText())
			.isEqualTo("Incident " + key + " cannot be given a new incident commander while it is closed");
		assertThat(body(http.get("ic", "/api/incidents/" + key)).path("commander").asText()).isEqualTo("ic");
	}

	@Test
	void theIncidentPageShowsTheRoleHoldersAndLetsThePoolTakeCommand() throws Exception {
		String key = declareAndAssess("significant", "high");
		java.net.http.HttpClient ingrid = browser("ic");
		String ingridsPage = page(ingrid, "/incidents/" + key).body();
		assertThat(ingridsPage).contains("Ingrid Commander (ic)", "Cora Comms (comms)", "Olivia Secondary (oncall2)",
				"Hand over to", "<option value=\"admin\">Ada Admin (admin)</option>")
			.doesNotContain("Take over as commander");
		java.net.http.HttpClient omar = browser("oncall");
		String omarsPage = page(omar, "/incidents/" + key).body();
		assertThat(omarsPage).contains("Ingrid Commander (ic)").doesNotContain("Take over as commander", "Hand over to");

		submit(omar, omarsPage, key, "role=commander&person=oncall");
		assertThat(page(omar, "/incidents/" + key).body()).contains("oncall may not hand over command of " + key);
		java.net.http.HttpClient ada = browser("admin");
		String adasPage = page(ada, "/incidents/" + key).body();
		assertThat(adasPage).contains("Take over as commander");
		HttpResponse<String> takenOver = submit(ada, adasPage, key, "role=commander&person=admin");

		assertThat(takenOver.statusCode()).isEqualTo(302);
		assertThat(takenOver.headers().firstValue("Location").orElseThrow()).endsWith("/incidents/" + key);
		assertThat(page(ada, "/incidents/" + key).body()).contains("Ada Admin is now incident commander.",
				"Ada Admin (admin)");
		assertThat(body(http.get("ic", "/api/incidents/" + key)).path("commander").asText()).isEqualTo("admin");
	}

	private java.net.http.HttpClient browser(String user) throws Exception {
		java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
			.cookieHandler(new java.net.CookieManager()).build();
		String form = "username=" + user + "&password=" + user + "&_csrf=" + csrf(page(browser, "/login").body());
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as("%s signs in", user).isEqualTo(302);
		return browser;
	}

	/** Posts a role form as the page's forms do, with the page's CSRF token. */
	private HttpResponse<String> submit(java.net.http.HttpClient browser, String page, String key,
			String form) throws Exception {
		return browser.send(HttpRequest.newBuilder(url("/incidents/" + key + "/roles"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + csrf(page))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> page(java.net.http.HttpClient browser, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(token.find()).as("the page carries a CSRF token").isTrue();
		return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
	}

	private URI url(String path) {
		return URI.create(rest.getRootUri() + path);
	}

	private void assertNothingChanged(String key, int timelineBefore) throws Exception {
		JsonNode incident = body(http.get("ic", "/api/incidents/" + key));
		assertThat(incident.path("commander").asText()).isEqualTo("ic");
		assertThat(incident.path("scribe").asText()).isEqualTo("oncall2");
		assertThat(timeline(key)).hasSize(timelineBefore);
		assertThat(runtime.getVariable(processInstanceId(key), "commander")).isEqualTo("ic");
		assertThat(openTask(key, "Verify recovery").getAssignee()).isEqualTo("ic");
	}

	private void assertBadRequest(ResponseEntity<String> response, String detail) throws Exception {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(body(response).path("detail").asText()).contains(detail);
	}

	private ResponseEntity<String> handOver(String user, String key, String role, String person, String note) {
		Map<String, Object> request = new HashMap<>();
		request.put("role", role);
		request.put("person", person);
		request.put("note", note);
		return http.post(user, "/api/incidents/" + key + "/roles", request);
	}

	private String declareAndAssess(String impact, String urgency) throws Exception {
		String key = body(http.post("ic", "/api/incidents", Map.of("title", "Checkout errors", "service", "checkout",
				"impact", impact, "urgency", urgency))).path("key").asText();
		completeTask("ic", key, "Assess incident", Map.of("impact", impact, "urgency", urgency, "service", "checkout",
				"commander", "ic", "communicationsLead", "comms", "scribe", "oncall2"));
		return key;
	}

	private void workToVerifyRecovery(String key) throws Exception {
		runJobsOf(key);
		completeTask("oncall", key, "Acknowledge page", Map.of("acknowledgementNote", "on it"));
		completeTask("oncall", key, "Contain incident", Map.of("containmentActions", "Drained eu-west"));
		completeTask("oncall", key, "Mitigate incident", Map.of("mitigationActions", "Rolled back"));
	}

	private void completeTask(String user, String key, String taskName, Map<String, Object> form) {
		ResponseEntity<String> completed = http.post(user, "/engine-rest/task/" + openTask(key, taskName).getId()
				+ "/complete", variables(form));
		assertThat(completed.getStatusCode()).as("%s completes %s: %s", user, taskName, completed.getBody())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	private Task openTask(String key, String taskName) {
		return tasks.createTaskQuery().processInstanceBusinessKey(key).taskName(taskName).singleResult();
	}

	private String processInstanceId(String key) {
		return incidents.findByKey(key).orElseThrow().processInstanceId();
	}

	private void runJobsOf(String key) {
		management.createJobQuery().processInstanceId(processInstanceId(key)).list()
			.forEach(job -> management.executeJob(job.getId()));
	}

	private List<JsonNode> timeline(String key) throws Exception {
		List<JsonNode> entries = new ArrayList<>();
		body(http.get("auditor", "/api/incidents/" + key + "/timeline")).forEach(entries::add);
		return entries;
	}

	private JsonNode lastTimelineEntry(String key) throws Exception {
		List<JsonNode> entries = timeline(key);
		return entries.get(entries.size() - 1);
	}

	private JsonNode body(ResponseEntity<String> response) throws Exception {
		return json.readTree(response.getBody());
	}
}
