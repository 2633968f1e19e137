package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;

import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentDeclarations;

/**
 * The catalog as people use it, and two versions of the main plan running side by side: an
 * author deploys a changed copy the way Modeler's Deploy button does (/engine-rest, every file its
 * own part); the incident that was running stays on version 1, a new one starts on version 2.
 * Dirties the context: the second version must not leak into other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@DirtiesContext
class PlanCatalogIntegrationTests {

	static final String PLAN = "incident-response";

	@LocalServerPort
	int port;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	RepositoryService repository;

	@Autowired
	PlanCatalog catalog;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void runningIncidentsFinishOnTheirVersionNewOnesStartOnTheLatestAndTheCatalogShowsBoth() throws Exception {
		String before = declare("Checkout errors before the new plan");
		ProcessDefinition v1 = latest();
		long runningOnV1 = runtime.createProcessInstanceQuery().processDefinitionId(v1.getId()).count();
		String bpmn = new String(read("classpath:processes/" + PLAN + ".bpmn"), StandardCharsets.UTF_8);
		Matcher task = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"([^>]*?) name=\"([^\"]+)\"").matcher(bpmn);
		assertThat(task.find()).as("the plan has a named user task").isTrue();
		String renamed = task.group(3) + " (v2)";
		String changed = bpmn.replace(task.group(0),
				"<bpmn:userTask id=\"" + task.group(1) + "\"" + task.group(2) + " name=\"" + renamed + "\"");

		HttpResponse<String> deployed = deploy("author", changed);

		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		String after = declare("Checkout errors after the new plan");
		ProcessDefinition v2 = latest();
		assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
		assertThat(definitionOf(before)).isEqualTo(v1.getId());
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(before).list())
			.isNotEmpty().allSatisfy(t -> assertThat(t.getProcessDefinitionId()).isEqualTo(v1.getId()));
		assertThat(definitionOf(after)).isEqualTo(v2.getId());

		List<PlanVersion> versions = catalog.plans().stream()
			.filter(plan -> plan.get(0).key().equals(PLAN)).findFirst().orElseThrow();
		assertThat(versions).extracting(PlanVersion::version, PlanVersion::running, PlanVersion::deployedBy)
			.containsExactly(tuple(v2.getVersion(), 1L, "author"),
					tuple(v1.getVersion(), runningOnV1, null));

		String list = get("auditor", "/plans").body();
		assertThat(list).contains("href=\"/plans/" + PLAN + "\"", "Firebreak (start-up)", "author",
				"/camunda/app/cockpit/default/#/process-definition/" + v2.getId() + "/runtime",
				"/plans/" + PLAN + "/versions/" + v2.getVersion() + ".bpmn");
		String history = get("author", "/plans/" + PLAN).body();
		assertThat(history).contains(HtmlUtils.htmlEscape(renamed + " (" + task.group(1) + "): name, " + task.group(3)
				+ " → " + renamed, "UTF-8"));
		assertThat(get("author", "/plans/" + PLAN + "?version=" + v1.getVersion()).body())
			.contains("<h2>Incident response, version " + v1.getVersion() + "</h2>",
					"data-bpmn=\"/plans/" + PLAN + "/versions/" + v1.getVersion() + ".bpmn\"");
		HttpResponse<String> xml = get("ic", "/plans/" + PLAN + "/versions/" + v2.getVersion() + ".bpmn");
		assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
		assertThat(xml.body()).isEqualTo(changed);
	}

	@Test
	void theCatalogListsTheMainPlanWithItsVersionAndRunningCount() throws Exception {
		declare("Payments slow");

		HttpResponse<String> page = get("ic", "/plans");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Incident response", "href=\"/plans\"", "class=\"plan-diagram\"",
				"data-bpmn=\"/plans/" + PLAN + "/versions/", "/vendor/bpmn-js/18.31.1/bpmn-navigated-viewer.production.min.js");
		assertThat(page.body()).containsPattern("<td class=\"running\">[1-9]\\d*</td>");
		assertThat(get("oncall", "/vendor/bpmn-js/18.31.1/bpmn-navigated-viewer.production.min.js").statusCode())
			.isEqualTo(200);
	}

	@Test
	void unknownPlansAndVersionsAre404StrangersSignInAndOtherRolesAreTurnedAway() throws Exception {
		assertThat(get("author", "/plans/no-such-plan").statusCode()).isEqualTo(404);
		assertThat(get("author", "/plans/" + PLAN + "?version=999").statusCode()).isEqualTo(404);
		assertThat(get("author", "/plans/" + PLAN + "/versions/999.bpmn").statusCode()).isEqualTo(404);
		assertThat(get("comms", "/plans").statusCode()).isEqualTo(403);

		HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(url("/plans")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(stranger.statusCode()).isEqualTo(302);
		assertThat(stranger.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	private String declare(String title) {
		return declarations.declare(IncidentDeclaration.of(title, null, "checkout", "significant", "high", null, false))
			.value();
	}

	private ProcessDefinition latest() {
		return repository.createProcessDefinitionQuery().processDefinitionKey(PLAN).latestVersion().singleResult();
	}

	private String definitionOf(String incidentKey) {
		return runtime.createProcessInstanceQuery().processDefinitionKey(PLAN).processInstanceBusinessKey(incidentKey)
			.singleResult().getProcessDefinitionId();
	}

	/** As Modeler deploys: the BPMN with its decision tables and forms, every file its own part. */
	private HttpResponse<String> deploy(String user, String bpmn) throws Exception {
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(PLAN + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
		files.put("incident-priority.dmn", read("classpath:processes/incident-priority.dmn"));
		files.put("post-incident-analysis.dmn", read("classpath:processes/post-incident-analysis.dmn"));
		for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
			files.put(form.getFilename(), form.getContentAsByteArray());
		}
		String boundary = UUID.randomUUID().toString();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, boundary, "deployment-name", null, PLAN.getBytes(StandardCharsets.UTF_8));
		part(body, boundary, "deployment-source", null, "Camunda Modeler".getBytes(StandardCharsets.UTF_8));
		files.forEach((name, content) -> part(body, boundary, name, name, content));
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(authorized(user, "/engine-rest/deployment/create")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void part(ByteArrayOutputStream body, String boundary, String name, String filename, byte[] content) {
		String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
				+ (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream")
				+ "\r\n\r\n";
		body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
		return http.send(authorized(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Demo users' password is their id. */
	private HttpRequest.Builder authorized(String user, String path) {
		return HttpRequest.newBuilder(url(path)).header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static byte[] read(String location) throws IOException {
		return new PathMatchingResourcePatternResolver().getResource(location).getContentAsByteArray();
	}
}
