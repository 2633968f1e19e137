package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.postmortem.PostmortemDriver;
import io.firebreak.system.HttpClient;

/**
 * The plan author's whole journey, with files only: a copy of the main plan with renamed ids and
 * an extra task is deployed from "Modeler", new incidents run it end to end with the extra
 * task's values on the timeline, running ones finish on the old version, and declaring never fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@DirtiesContext // deploys new versions of the main plan
@TestMethodOrder(OrderAnnotation.class) // the first starts on the shipped plan
class PlanAuthoringIntegrationTests {

	static final Map<String, Object> CHECKOUT_ERRORS = Map.of("title", "Checkout errors", "summary", "5xx on /pay",
			"service", "checkout", "impact", "significant", "urgency", "high");

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	org.camunda.bpm.engine.AuthorizationService authorizations;

	ModelerDeploy modeler;

	@BeforeEach
	void setUp() {
		modeler = new ModelerDeploy(port);
	}

	@Test
	@Order(1)
	void anAuthoredCopyWithRenamedIdsAndAnExtraTaskRunsNewIncidentsWhileOldOnesFinishOnTheirVersion()
			throws Exception {
		String running = declare();
		Map<String, byte[]> files = AuthoredPlan.files();

		ModelerDeploy.Answer alone = modeler.deploy("author", "incident-response",
				Map.of("incident-response.bpmn", files.get("incident-response.bpmn")));
		assertThat(alone.status()).isEqualTo(400);
		assertThat(alone.problems()).contains("form 'form-confirm-customer-comms' with binding 'deployment'",
				"decision 'incident-priority' with binding 'deployment'");
		String stillDeclaring = declare();

		ModelerDeploy.Answer deployed = modeler.deploy("author", "incident-response", files);
		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
		String fresh = declare();

		assertThat(versionOf(stillDeclaring)).as("a refused deploy changes nothing").isEqualTo(versionOf(running));
		assertThat(versionOf(fresh)).isEqualTo(versionOf(running) + 1);

		workToClosed(fresh, true);
		workToClosed(running, false);

		JsonNode timeline = modeler.get("auditor", "/api/incidents/" + fresh + "/timeline").json();
		List<String> kinds = new ArrayList<>();
		timeline.forEach(event -> kinds.add(event.path("kind").asText()));
		assertThat(kinds).containsSubsequence("declared", "severity_set", "acknowledged", "contained", "mitigated",
				"recovery_checked", "resolved", "step_completed", "reviewed", "closed");
		assertThat(timeline.findValuesAsText("description")).contains(AuthoredPlan.EXTRA_TASK_NAME
				+ " — Customers told via: Status page; Message sent: Checkout works again, sorry");
		assertThat(modeler.get("auditor", "/api/incidents/" + running).json().path("status").asText())
			.isEqualTo("closed");
	}

	@Test
	@Order(2)
	void modelersDeployOfAChangedDiagramTakesItsUnchangedFormsAndTableAlong() throws Exception {
		Map<String, byte[]> files = AuthoredPlan.files();
		assertThat(modeler.deploy("author", "authored-plan", files).status()).isEqualTo(200);
		int before = (int) repository.createProcessDefinitionQuery().processDefinitionKey("incident-response").count();

		assertThat(modeler.deploy("author", "authored-plan", files).status()).isEqualTo(200);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("incident-response").count())
			.as("nothing changed, nothing deployed").isEqualTo(before);

		Map<String, byte[]> changedDiagram = new LinkedHashMap<>(files);
		changedDiagram.put("incident-response.bpmn", new String(files.get("incident-response.bpmn"),
				java.nio.charset.StandardCharsets.UTF_8).replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"authored\"")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		ModelerDeploy.Answer redeployed = modeler.deploy("author", "authored-plan", changedDiagram);

		assertThat(redeployed.status()).as(redeployed.body()).isEqualTo(200);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("incident-response").count())
			.isEqualTo(before + 1);
		String key = declare();
		complete("ic", key, "Assess incident", Map.of("impact", "significant", "urgency", "high", "service",
				"checkout", "commander", "ic"));
	}

	@Test
	@Order(3)
	void theSecurityPlanDeploysFromModelerAndStaysNeedToKnow() throws Exception {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String form : List.of("form-declare-incident", "form-triage-security-incident", "form-acknowledge-page",
				"form-preserve-evidence", "form-contain-security-incident", "form-assess-data-exposure",
				"form-record-breach-notification", "form-eradicate-threat", "form-recover-from-security-incident",
				"form-review-meeting", "form-approve-postmortem", "form-review-resolved-alert")) {
			files.put(form + ".form", java.nio.file.Files.readAllBytes(java.nio.file.Path.of("forms", form + ".form")));
		}
		files.put("incident-priority.dmn", java.nio.file.Files.readAllBytes(java.nio.file.Path.of("processes/incident-priority.dmn")));
		files.put("breach-notification.dmn",
				java.nio.file.Files.readAllBytes(java.nio.file.Path.of("processes/breach-notification.dmn")));
		files.put("security-incident.bpmn", java.nio.file.Files.readString(java.nio.file.Path.of("processes/security-incident.bpmn"))
			.replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"authored\"")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		long before = repository.createProcessDefinitionQuery().processDefinitionKey("security-incident").count();

		ModelerDeploy.Answer deployed = modeler.deploy("author", "security-incident", files);

		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("security-incident").count())
			.isEqualTo(before + 1);
		ModelerDeploy.Answer declared = modeler.postJson("security", "/api/incidents", Map.of("title",
				"Leaked API key", "service", "identity", "impact", "moderate", "urgency", "high", "type", "security"));
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		String key = declared.json().path("key").asText();
		assertThat(repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
			.singleResult().getProcessDefinitionId()).getVersionTag()).isEqualTo("authored");
		assertThat(modeler.get("ic", "/engine-rest/process-instance?businessKey=" + key).json())
			.as("deployed by an author, still need-to-know").isEmpty();
		assertThat(modeler.get("author", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key)
			.json()).isEmpty();
		assertThat(modeler.get("security", "/engine-rest/process-instance?businessKey=" + key).json()).hasSize(1);
	}

	@Test
	@Order(4)
	void aProcessNewToFirebreakDeployedFromModelerIsReadByCommandersAtOnce() throws Exception {
		byte[] copy = java.nio.file.Files.readString(java.nio.file.Path.of("processes/notification-delivery.bpmn"))
			.replace("id=\"notification-delivery\"", "id=\"delivery-copy\"")
			.replace("bpmnElement=\"notification-delivery\"", "bpmnElement=\"delivery-copy\"")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);

		ModelerDeploy.Answer deployed = modeler.deploy("author", "delivery-copy", Map.of("delivery-copy.bpmn", copy));

		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
		assertThat(authorizations.createAuthorizationQuery().groupIdIn("incident-commanders")
			.resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION).resourceId("delivery-copy")
			.singleResult()).as("granted in the deployment's own transaction, no restart or reload")
			.satisfies(grant -> assertThat(grant.isPermissionGranted(
					org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE)).isTrue());
		assertThat(authorizations.createAuthorizationQuery().groupIdIn("incident-commanders")
			.resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION).resourceId("security-incident")
			.count()).as("never the security plan").isZero();
	}

	private String declare() throws Exception {
		ModelerDeploy.Answer declared = modeler.postJson("ic", "/api/incidents", CHECKOUT_ERRORS);
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		return declared.json().path("key").asText();
	}

	private int versionOf(String key) {
		String definitionId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult()
			.getProcessDefinitionId();
		return repository.getProcessDefinition(definitionId).getVersion();
	}

	private void workToClosed(String key, boolean authoredVersion) throws Exception {
		complete("ic", key, "Assess incident", Map.of("impact", "significant", "urgency", "high", "service",
				"checkout", "commander", "ic"));
		runJobs(key);
		complete("oncall", key, "Acknowledge page", Map.of());
		complete("oncall", key, "Contain incident", Map.of("containmentActions", "Drained eu-west"));
		complete("oncall", key, "Mitigate incident", Map.of("mitigationActions", "Rolled back"));
		complete("ic", key, "Verify recovery", Map.of("recovered", true, "recoveryEvidence", "errors at baseline"));
		complete("ic", key, "Resolve incident", Map.of("resolutionSummary", "Bad release rolled back"));
		if (authoredVersion) {
			complete("ic", key, AuthoredPlan.EXTRA_TASK_NAME,
					Map.of("customersToldVia", "status-page", "customerMessage", "Checkout works again, sorry"));
		}
		runJobs(key);
		PostmortemDriver.workToPublished((user, task, form) -> complete(user, key, task, form), () -> runJobs(key));
	}

	private void complete(String user, String key, String taskName, Map<String, Object> form) throws Exception {
		JsonNode tasks = modeler.get(user, "/engine-rest/task?processInstanceBusinessKey=" + key).json();
		List<String> ids = new ArrayList<>();
		tasks.forEach(task -> {
			if (task.path("name").asText().equals(taskName)) {
				ids.add(task.path("id").asText());
			}
		});
		assertThat(ids).as("%s sees %s of %s", user, taskName, key).hasSize(1);
		ModelerDeploy.Answer completed = modeler.postJson(user, "/engine-rest/task/" + ids.get(0) + "/complete",
				HttpClient.variables(new LinkedHashMap<>(form)));
		assertThat(completed.status()).as("%s completes %s: %s", user, taskName, completed.body()).isEqualTo(204);
	}

	private void runJobs(String key) {
		IncidentResponseDriver.runDueJobs(runtime, management, key);
	}
}
