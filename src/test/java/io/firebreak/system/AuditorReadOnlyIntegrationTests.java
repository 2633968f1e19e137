package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentsOverHttp;

/**
 * The auditor only reads, wherever they are: every Firebreak endpoint that changes something,
 * /engine-rest with HTTP Basic, and Cockpit's own API with a signed-in session. Each attempt is
 * refused with 403 and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
class AuditorReadOnlyIntegrationTests {

	/**
	 * Doors whose credential is not the session, so the roles rule does not apply: the signed
	 * acknowledgement link, alert sources' integration keys, signing in and out. /error only renders
	 * the error of another request.
	 */
	private static final List<String> OTHER_CREDENTIAL_DOORS = List.of("/acknowledge/", "/api/alerts/", "/v2/enqueue",
			"/login", "/logout", "/error");

	private static final Set<String> CHANGING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	RepositoryService repository;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	IncidentRepository records;

	@Autowired
	JdbcClient jdbc;

	IncidentsOverHttp incidents;

	String key;

	@BeforeEach
	void aRunningIncidentWithAnOpenTaskAndTimers() throws Exception {
		incidents = new IncidentsOverHttp(new HttpClient(rest), tasks, management, records);
		key = incidents.declareAndAssess("significant", "high");
		incidents.runJobsOf(key);
	}

	@Test
	void everyFirebreakEndpointThatChangesSomethingRefusesTheAuditorBeforeItRuns() throws Exception {
		List<String> before = database();
		List<String> walked = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, ?> handler : handlers.getHandlerMethods().entrySet()) {
			for (String pattern : handler.getKey().getPatternValues()) {
				if (OTHER_CREDENTIAL_DOORS.stream().anyMatch(pattern::startsWith)) {
					continue;
				}
				for (String method : changingMethods(handler.getKey())) {
					String path = pattern.replaceAll("\\{[^}]*}", key).replace("**", key);
					MvcResult answer = mvc.perform(request(HttpMethod.valueOf(method), path).with(httpBasic("auditor", "auditor"))
						.with(csrf())
						.contentType(MediaType.APPLICATION_JSON)
						.content("{}")).andReturn();
					walked.add(method + " " + pattern);
					assertThat(answer.getResponse().getStatus()).as("%s %s by the auditor", method, path).isEqualTo(403);
					assertThat(answer.getHandler()).as("%s %s: refused before any controller ran", method, path).isNull();
					if (path.startsWith("/api/")) {
						assertThat(answer.getResponse().getContentAsString()).as("%s %s", method, path)
							.contains("\"error\":\"forbidden\"");
					}
				}
			}
		}
		assertThat(walked).as("the walk reached Firebreak's endpoints").contains("POST /api/incidents",
				"POST /api/incidents/{key}/roles", "POST /incidents/{key}/roles", "POST /api/incidents/{key}/customer-updates");
		assertThat(changedRows(before, database())).as("nothing changed").isEmpty();

		// the same request with the same credentials' shape reaches the controller for someone who may change things
		MvcResult byResponder = mvc.perform(request(HttpMethod.POST, "/incidents/" + key + "/roles")
			.with(httpBasic("oncall", "oncall")).with(csrf()).param("role", "scribe").param("person", "oncall")).andReturn();
		assertThat(byResponder.getHandler()).as("a responder's request is the controller's to judge").isNotNull();
	}

	@Test
	void engineRestRefusesEveryChangeByTheAuditorAndAnswersTheirReads() throws Exception {
		Task task = incidents.openTask(key, "Acknowledge page");
		String instance = incidents.processInstanceId(key);
		Job timer = management.createJobQuery().processInstanceId(instance).timers().list().get(0);
		long deployments = repository.createDeploymentQuery().count();
		HttpClient auditor = new HttpClient(rest);

		refused(auditor.post("auditor", "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "auditor")));
		refused(auditor.post("auditor", "/engine-rest/task/" + task.getId() + "/complete",
				HttpClient.variables(Map.of("acknowledgementNote", "not mine to acknowledge"))));
		refused(auditor.exchange("auditor", HttpMethod.PUT, "/engine-rest/process-instance/" + instance + "/variables/severity",
				Map.of("value", "SEV4", "type", "String")));
		refused(auditor.exchange("auditor", HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/retries",
				Map.of("retries", 7)));
		refused(deploy("auditor"));
		refused(auditor.exchange("auditor", HttpMethod.PUT, "/engine-rest/process-definition/" + task.getProcessDefinitionId()
				+ "/suspended", Map.of("suspended", true, "includeProcessInstances", true)));
		refused(auditor.exchange("auditor", HttpMethod.DELETE, "/engine-rest/history/process-instance/" + instance, null));
		refused(auditor.exchange("auditor", HttpMethod.DELETE, "/engine-rest/process-instance/" + instance, null));

		ResponseEntity<String> historicInstances = auditor.get("auditor",
				"/engine-rest/history/process-instance?processInstanceBusinessKey=" + key);
		assertThat(historicInstances.getStatusCode().value()).isEqualTo(200);
		assertThat(JSON.readTree(historicInstances.getBody()).findValuesAsText("id")).contains(instance);
		ResponseEntity<String> historicTasks = auditor.get("auditor",
				"/engine-rest/history/task?processInstanceBusinessKey=" + key);
		assertThat(historicTasks.getStatusCode().value()).isEqualTo(200);
		assertThat(JSON.readTree(historicTasks.getBody()).findValuesAsText("name")).contains("Assess incident",
				"Acknowledge page");

		assertUnchanged(task, instance, timer, deployments);
	}

	@Test
	void cockpitsOwnApiRefusesTheSignedInAuditorsChanges() throws Exception {
		Task task = incidents.openTask(key, "Acknowledge page");
		String instance = incidents.processInstanceId(key);
		Job timer = management.createJobQuery().processInstanceId(instance).timers().list().get(0);
		long deployments = repository.createDeploymentQuery().count();
		Browser cockpit = Browser.signedIn(rest.getRootUri(), "auditor");
		assertThat(cockpit.get("/camunda/app/cockpit/default/").statusCode()).as("auditors may open Cockpit").isEqualTo(200);
		String engine = "/camunda/api/engine/engine/default";

		refused(cockpit.send("PUT", engine + "/job/" + timer.getId() + "/retries", "{\"retries\": 7}"));
		refused(cockpit.send("POST", engine + "/task/" + task.getId() + "/claim", "{\"userId\": \"auditor\"}"));
		refused(cockpit.send("PUT", engine + "/process-instance/" + instance + "/variables/severity",
				"{\"value\": \"SEV4\", \"type\": \"String\"}"));
		refused(cockpit.send("PUT", engine + "/process-definition/" + task.getProcessDefinitionId() + "/suspended",
				"{\"suspended\": true, \"includeProcessInstances\": true}"));
		refused(cockpit.send("DELETE", engine + "/process-instance/" + instance, null));

		var read = cockpit.get(engine + "/history/process-instance?processInstanceBusinessKey=" + key);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(read.body()).findValuesAsText("id")).contains(instance);
		assertUnchanged(task, instance, timer, deployments);
	}

	@Test
	void theAuditorsStoredGrantsOnlyRead() {
		List<Authorization> grants = authorizations.createAuthorizationQuery().groupIdIn("auditors").list();
		assertThat(grants).isNotEmpty();
		for (Authorization grant : grants) {
			Set<String> permissions = new TreeSet<>();
			Permission[] ofResource = ResourceTypeUtil.getPermissionsByResourceType(grant.getResourceType());
			Arrays.stream(grant.getPermissions(ofResource)).map(Permission::getName)
				.filter(name -> !name.equals("NONE")) // Camunda lists NONE as granted on every authorization
				.forEach(permissions::add);
			String what = "auditors on resource type " + grant.getResourceType() + " '" + grant.getResourceId() + "'";
			if (grant.getResourceType() == Resources.APPLICATION.resourceType()) {
				assertThat(grant.getResourceId()).as(what).isEqualTo("cockpit");
				assertThat(permissions).as(what).containsExactly("ACCESS");
			}
			else {
				assertThat(permissions).as(what).isSubsetOf("READ", "READ_HISTORY", "READ_INSTANCE");
			}
		}
	}

	private void assertUnchanged(Task task, String instance, Job timer, long deployments) {
		Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(now).as("the task is still open").isNotNull();
		assertThat(now.getAssignee()).isEqualTo(task.getAssignee());
		assertThat(runtime.getVariable(instance, "severity")).isNotEqualTo("SEV4");
		assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getRetries())
			.isEqualTo(timer.getRetries());
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).active().count()).isOne();
		assertThat(repository.getProcessDefinition(task.getProcessDefinitionId()).isSuspended()).isFalse();
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isOne();
	}

	/** Camunda refuses for want of an authorization, not for some other reason (a CSRF token, a bad request). */
	private static void refused(ResponseEntity<String> answer) throws Exception {
		refused(answer.getStatusCode().value(), answer.getBody());
	}

	private static void refused(java.net.http.HttpResponse<String> answer) throws Exception {
		refused(answer.statusCode(), answer.body());
	}

	private static void refused(int status, String body) throws Exception {
		assertThat(status).as(body).isEqualTo(403);
		assertThat(JSON.readTree(body).path("type").asText()).as(body).isEqualTo("AuthorizationException");
	}

	private ResponseEntity<String> deploy(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setBasicAuth(user, user);
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", "by the auditor");
		parts.add("auditor.bpmn", new ByteArrayResource("""
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Auditor" targetNamespace="http://bpmn.io/schema/bpmn">
				  <bpmn:process id="auditor-plan" isExecutable="true" camunda:historyTimeToLive="P2190D">
				    <bpmn:startEvent id="StartEvent_Started" />
				  </bpmn:process>
				</bpmn:definitions>
				""".getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "auditor.bpmn";
			}
		});
		return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
				String.class);
	}

	private List<String> database() {
		return jdbc.sql("SCRIPT").query(String.class).list();
	}

	private static List<String> changedRows(List<String> before, List<String> after) {
		List<String> changed = new ArrayList<>(after);
		changed.removeAll(before);
		List<String> gone = new ArrayList<>(before);
		gone.removeAll(after);
		gone.forEach(line -> changed.add("removed: " + line));
		return changed;
	}

	private static Set<String> changingMethods(RequestMappingInfo mapping) {
		Set<String> methods = new TreeSet<>();
		mapping.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
		if (methods.isEmpty()) {
			return Set.of("POST"); // a handler for any method takes a POST too
		}
		methods.retainAll(CHANGING_METHODS);
		return methods;
	}

	/** A browser signed in through Firebreak's form, sending Camunda's CSRF token as Cockpit does. */
	private record Browser(String root, java.net.http.HttpClient client, CookieManager cookies) {

		static Browser signedIn(String root, String user) throws Exception {
			CookieManager cookies = new CookieManager();
			Browser browser = new Browser(root, java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(browser.get("/login").body());
			assertThat(csrf.find()).isTrue();
			var signedIn = browser.post("/login", "application/x-www-form-urlencoded", "username=" + user + "&password="
					+ user + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8), Map.of());
			assertThat(signedIn.statusCode()).as("%s signs in", user).isEqualTo(302);
			return browser;
		}

		java.net.http.HttpResponse<String> get(String path) throws Exception {
			return client.send(java.net.http.HttpRequest.newBuilder(URI.create(root + path))
				.header("Accept", "text/html,application/json").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		}

		/** With the XSRF-TOKEN cookie Camunda's webapp handed out echoed as the X-XSRF-TOKEN header. */
		java.net.http.HttpResponse<String> send(String method, String path, String json) throws Exception {
			String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue).findFirst().orElseThrow();
			return client.send(java.net.http.HttpRequest.newBuilder(URI.create(root + path))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("X-XSRF-TOKEN", xsrf)
				.method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
						: java.net.http.HttpRequest.BodyPublishers.ofString(json))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		}

		private java.net.http.HttpResponse<String> post(String path, String contentType, String body,
				Map<String, String> headers) throws Exception {
			var request = java.net.http.HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", contentType)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
			headers.forEach(request::header);
			return client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		}
	}
}
