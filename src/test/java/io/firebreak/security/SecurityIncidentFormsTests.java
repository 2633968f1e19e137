package io.firebreak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.postmortem.PostmortemVariables;

/** The security plan's forms keep matching its variables: every field key is one the plan's steps read. */
class SecurityIncidentFormsTests {

	final ObjectMapper json = new ObjectMapper();

	@Test
	void everyFormFieldOfTheSecurityPlanIsAVariableOfThePlan() throws IOException {
		BpmnModelInstance plan = Bpmn.readModelFromFile(Path.of("processes/security-incident.bpmn").toFile());
		Set<String> formIds = new HashSet<>();
		plan.getModelElementsByType(StartEvent.class).stream()
			.filter(start -> start.getEventDefinitions().isEmpty() && start.getParentElement() instanceof Process)
			.forEach(start -> formIds.add(start.getCamundaFormRef()));
		plan.getModelElementsByType(UserTask.class).forEach(task -> formIds.add(task.getCamundaFormRef()));
		assertThat(formIds).doesNotContainNull().contains("form-triage-security-incident", "form-preserve-evidence",
			"form-contain-security-incident", "form-assess-data-exposure", "form-record-breach-notification",
			"form-eradicate-threat", "form-recover-from-security-incident");
		Set<String> variables = new HashSet<>(IncidentResponseVariables.ALL);
		variables.addAll(PostmortemVariables.ALL);
		variables.addAll(SecurityIncidentVariables.ALL);

		for (String formId : formIds) {
			JsonNode form = json.readTree(Path.of("forms", formId + ".form").toFile());
			assertThat(form.path("id").asText()).as("form id of %s.form", formId).isEqualTo(formId);
			assertThat(keys(form.path("components"))).as("field keys of %s", formId).isNotEmpty()
				.allSatisfy(key -> assertThat(variables).contains(key));
		}
	}

	@Test
	void theExposureFormAsksForEveryInputOfTheBreachNotificationDecision() throws IOException {
		JsonNode form = json.readTree(Path.of("forms/form-assess-data-exposure.form").toFile());

		assertThat(keys(form.path("components"))).contains(SecurityIncidentVariables.PERSONAL_DATA_EXPOSED,
				SecurityIncidentVariables.RECORDS_EXPOSED, SecurityIncidentVariables.JURISDICTIONS,
				SecurityIncidentVariables.HIGH_RISK_TO_PEOPLE, SecurityIncidentVariables.BREACH_AWARE_AT);
	}

	private static List<String> keys(JsonNode components) {
		List<String> keys = new ArrayList<>();
		components.forEach(component -> {
			if (component.hasNonNull("key")) {
				keys.add(component.get("key").asText());
			}
			keys.addAll(keys(component.path("components")));
		});
		return keys;
	}
}
