package io.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentResponseVariables;

/**
 * The postmortem's and the action items' forms keep matching their plans: every field key is one
 * of the variables the plans and the building blocks read.
 */
class PostmortemFormsTests {

	final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "postmortem", "action-item" })
	void everyFormFieldIsAVariableOfThePlan(String process) throws IOException {
		Set<String> variables = new HashSet<>(PostmortemVariables.ALL);
		variables.addAll(IncidentResponseVariables.ALL);
		List<String> formIds = Bpmn.readModelFromFile(Path.of("processes/" + process + ".bpmn").toFile())
			.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef).toList();
		assertThat(formIds).doesNotContainNull().isNotEmpty();
		for (String formId : formIds) {
			List<String> keys = new ArrayList<>();
			collectKeys(json.readTree(Path.of("forms", formId + ".form").toFile()), keys);
			assertThat(keys).as("field keys of %s", formId).isNotEmpty().isSubsetOf(variables);
		}
	}

	@Test
	void theReviewFormHasEverySlotOfEveryActionItem() throws IOException {
		List<String> keys = new ArrayList<>();
		collectKeys(json.readTree(Path.of("forms/form-review-meeting.form").toFile()), keys);
		for (int n = 1; n <= PostmortemVariables.ACTION_ITEM_SLOTS; n++) {
			for (String field : PostmortemVariables.ACTION_ITEM_FIELDS) {
				assertThat(keys).contains(PostmortemVariables.slot(n, field));
			}
		}
	}

	private static void collectKeys(JsonNode component, List<String> keys) {
		if (component.hasNonNull("key")) {
			keys.add(component.path("key").asText());
		}
		component.path("components").forEach(child -> collectKeys(child, keys));
	}
}
