package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The forms a plan author edits must keep matching the plan: every field key is one of the
 * plan's variables, and every form is one Tasklist (form-js 1.8.7, schemaVersion 16) can render.
 */
class IncidentFormsTests {

	static final Set<String> RENDERABLE = Set.of("textfield", "textarea", "number", "checkbox", "select", "radio",
			"checklist", "taglist", "text", "datetime", "group", "separator", "spacer", "button", "dynamiclist");

	final ObjectMapper json = new ObjectMapper();

	@Test
	void everyFormFieldOfThePlanIsAVariableOfThePlan() throws IOException {
		BpmnModelInstance plan = Bpmn.readModelFromFile(Path.of("processes/incident-response.bpmn").toFile());
		List<String> formIds = new ArrayList<>();
		// the plan's own start event: message start events (alert event subprocesses) are started by a
		// correlation, and the start of an embedded subprocess (Respond) by the flow, not by a person's form
		plan.getModelElementsByType(StartEvent.class).stream()
			.filter(start -> start.getEventDefinitions().isEmpty() && start.getParentElement() instanceof Process)
			.forEach(start -> formIds.add(start.getCamundaFormRef()));
		plan.getModelElementsByType(UserTask.class).forEach(task -> formIds.add(task.getCamundaFormRef()));
		// the acknowledgement form serves both the timed task and the one after the last escalation level,
		// the status update form both the update on the cadence and the overdue one
		assertThat(formIds).doesNotContainNull().hasSize(12);

		for (String formId : formIds) {
			JsonNode form = json.readTree(Path.of("forms", formId + ".form").toFile());
			assertThat(form.path("id").asText()).as("form id of %s.form", formId).isEqualTo(formId);
			assertThat(fieldKeys(form)).as("field keys of %s", formId).isNotEmpty()
				.allSatisfy(key -> assertThat(IncidentResponseVariables.ALL).contains(key));
		}
	}

	@Test
	void everyFormCanBeRenderedByTasklist() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("forms"))) {
			List<Path> forms = files.filter(file -> file.toString().endsWith(".form")).toList();
			assertThat(forms).isNotEmpty();
			for (Path file : forms) {
				JsonNode form = json.readTree(file.toFile());
				assertThat(form.path("schemaVersion").asInt(99)).as("schemaVersion of %s", file).isLessThanOrEqualTo(16);
				assertThat(form.path("id").asText() + ".form").as("file name = form id").isEqualTo(file.getFileName().toString());
				assertThat(componentTypes(form)).as("component types of %s", file).isSubsetOf(RENDERABLE);
			}
		}
	}

	private static List<String> fieldKeys(JsonNode form) {
		List<String> keys = new ArrayList<>();
		components(form).forEach(component -> {
			if (component.hasNonNull("key")) {
				keys.add(component.get("key").asText());
			}
		});
		return keys;
	}

	private static List<String> componentTypes(JsonNode form) {
		return components(form).stream().map(component -> component.path("type").asText()).toList();
	}

	private static List<JsonNode> components(JsonNode node) {
		List<JsonNode> all = new ArrayList<>();
		node.path("components").forEach(component -> {
			all.add(component);
			all.addAll(components(component));
		});
		return all;
	}
}
