package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.firebreak.plan.ModelerDeploy.Answer;

/**
 * A form with a dynamic list and conditions, submitted the way Tasklist does (the list as a Json
 * variable), checked by the engine plugin on the real engine and answered 400 by /engine-rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class TaskFormValidationIntegrationTests {

	static final String PROCESS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ListForm" targetNamespace="http://firebreak.io/test">
			  <bpmn:process id="list-form-check" name="List form check" isExecutable="true" camunda:historyTimeToLive="P400D">
			    <bpmn:startEvent id="StartEvent_Begin"><bpmn:outgoing>Flow_ToTask</bpmn:outgoing></bpmn:startEvent>
			    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Begin" targetRef="UserTask_ListActions" />
			    <bpmn:userTask id="UserTask_ListActions" name="List action items" camunda:assignee="ic"
			        camunda:formRef="form-list-check" camunda:formRefBinding="deployment">
			      <bpmn:incoming>Flow_ToTask</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
			    </bpmn:userTask>
			    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="UserTask_ListActions" targetRef="EndEvent_Done" />
			    <bpmn:endEvent id="EndEvent_Done"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	static final String FORM = """
			{ "id": "form-list-check", "type": "default", "schemaVersion": 16, "components": [
			  { "type": "checkbox", "key": "noActionItemsNeeded", "label": "No action items needed" },
			  { "type": "textarea", "key": "noActionItemsReason", "label": "Why none are needed",
			    "validate": { "required": true }, "conditional": { "hide": "=not(noActionItemsNeeded)" } },
			  { "type": "dynamiclist", "id": "List_Actions", "path": "actionItems", "label": "Action items",
			    "isRepeating": true, "defaultRepetitions": 1, "allowAddRemove": true,
			    "properties": { "firebreak.minItems": "1" }, "conditional": { "hide": "=noActionItemsNeeded = true" },
			    "components": [
			      { "type": "textfield", "key": "title", "label": "Title", "validate": { "required": true } },
			      { "type": "select", "key": "owner", "label": "Owner", "valuesKey": "rosterPeople",
			        "validate": { "required": true } } ] }
			] }
			""";

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	String taskId;

	@BeforeEach
	void deployAndStart() throws Exception {
		Answer deployed = new ModelerDeploy(port).deploy("author", "list form check",
				Map.of("list-form-check.bpmn", PROCESS.getBytes(), "form-list-check.form", FORM.getBytes()));
		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
		String instance = runtime.startProcessInstanceByKey("list-form-check").getId();
		taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
		assertThat(tasks.getVariable(taskId, "rosterPeople")).as("the entries' select gets its options").isNotNull();
	}

	@Test
	void tasklistsJsonListIsCheckedEntryByEntry() throws Exception {
		Answer refused = submit(Map.of("noActionItemsNeeded", plain(false), "actionItems",
				json("[ { \"title\": \"Fix alerting\", \"owner\": \"oncall\" }, { \"title\": \"Add runbook\" } ]")));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("Action items, item 2: Owner is required");

		Answer empty = submit(Map.of("noActionItemsNeeded", plain(false), "actionItems", json("[ { } ]")));
		assertThat(empty.body()).contains("Action items: add at least 1 item");

		Answer done = submit(Map.of("noActionItemsNeeded", plain(false), "actionItems",
				json("[ { \"title\": \"Fix alerting\", \"owner\": \"oncall\" }, { \"title\": \"\", \"owner\": null } ]")));
		assertThat(done.status()).as(done.body()).isEqualTo(204);
	}

	@Test
	void aListHiddenByItsConditionIsNotRequiredButTheShownReasonIs() throws Exception {
		Answer refused = submit(Map.of("noActionItemsNeeded", plain(true)));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("Why none are needed is required");

		Answer done = submit(Map.of("noActionItemsNeeded", plain(true), "noActionItemsReason",
				plain("A vendor outage; nothing of ours to change")));
		assertThat(done.status()).as(done.body()).isEqualTo(204);
	}

	private Answer submit(Map<String, Object> variables) throws Exception {
		return new ModelerDeploy(port).postJson("ic", "/engine-rest/task/" + taskId + "/submit-form",
				Map.of("variables", variables));
	}

	private static Map<String, Object> json(String value) {
		return Map.of("type", "Json", "value", value);
	}

	private static Map<String, Object> plain(Object value) {
		return Map.of("value", value);
	}
}
