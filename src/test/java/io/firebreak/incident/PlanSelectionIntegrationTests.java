package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.system.HttpClient;

/** A second plan is a configuration change: services.yaml sends payments to it, billing to one not deployed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@TestPropertySource(properties = { "firebreak.services.location=classpath:config/plan-selection-services.yaml",
		"firebreak.drills.scenarios=classpath:config/plan-selection-scenarios.yaml" })
class PlanSelectionIntegrationTests {

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TestRestTemplate rest;

	/** The second plan: the main plan under another process id, deployed with its forms and table as Modeler would. */
	@BeforeEach
	void deployTheSecondPlan() throws IOException {
		if (repository.createProcessDefinitionQuery().processDefinitionKey("payments-response").count() > 0) {
			return;
		}
		BpmnModelInstance plan = Bpmn.readModelFromFile(Path.of("processes/incident-response.bpmn").toFile());
		plan.getModelElementsByType(Process.class).forEach(process -> {
			process.setId("payments-response");
			process.setName("Payments response");
		});
		DeploymentBuilder deployment = repository.createDeployment().name("payments-response")
			.addModelInstance("payments-response.bpmn", plan)
			.addString("incident-priority.dmn", Files.readString(Path.of("processes/incident-priority.dmn")))
			.addString("post-incident-analysis.dmn", Files.readString(Path.of("processes/post-incident-analysis.dmn")));
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (Path form : forms.toList()) {
				deployment.addString(form.getFileName().toString(), Files.readString(form));
			}
		}
		deployment.deploy();
	}

	@Test
	void aServiceConfiguredToASecondPlanStartsIt() {
		IncidentKey payments = declarations.declare(declaration("payments"), "alertmanager");
		IncidentKey checkout = declarations.declare(declaration("checkout"), "alertmanager");

		assertThat(planOf(payments)).isEqualTo("payments-response");
		assertThat(planOf(checkout)).isEqualTo("incident-response");
	}

	@Test
	void theApiStartsTheConfiguredPlanToo() throws Exception {
		ResponseEntity<String> declared = new HttpClient(rest).post("ic", "/api/incidents", body("payments"));

		assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.CREATED);
		String key = json(declared).path("key").asText();
		assertThat(planOf(new IncidentKey(key))).isEqualTo("payments-response");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isEqualTo(1);
	}

	@Test
	void aPlanNobodyDeployedAnswers503SayingWhichAndWhatToDoAndDeclaresNothing() throws Exception {
		long instances = runtime.createProcessInstanceQuery().count();

		ResponseEntity<String> refused = new HttpClient(rest).post("ic", "/api/incidents", body("billing"));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		JsonNode error = json(refused);
		assertThat(error.path("error").asText()).isEqualTo("plan not deployed");
		assertThat(error.path("detail").asText())
			.contains("plan 'billing-response' for operational incidents on service 'billing'")
			.contains("deploy the plan").contains("services.yaml");
		assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
	}

	private String planOf(IncidentKey key) {
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key.value())
			.singleResult();
		return repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
	}

	private static IncidentDeclaration declaration(String service) {
		return IncidentDeclaration.of("Card payments failing", null, service, "significant", "high", null, false);
	}

	private static Map<String, Object> body(String service) {
		return Map.of("title", "Card payments failing", "service", service, "impact", "significant", "urgency", "high");
	}

	private static JsonNode json(ResponseEntity<String> response) throws Exception {
		return new ObjectMapper().readTree(response.getBody());
	}
}
