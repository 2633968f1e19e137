package io.firebreak.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a plan author makes from files alone: a copy of the main plan with every element id renamed
 * and one extra user task, with a new form, between resolving and telling stakeholders.
 */
final class AuthoredPlan {

	static final String EXTRA_TASK_NAME = "Confirm customer communication";

	private AuthoredPlan() {
	}

	/** The renamed plan with the extra task, its new form, the shipped forms and decision tables. */
	static Map<String, byte[]> files() throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("incident-response.bpmn", withExtraTask(renamed(read(Path.of("processes/incident-response.bpmn"))))
			.getBytes(StandardCharsets.UTF_8));
		files.put("incident-priority.dmn", Files.readAllBytes(Path.of("processes/incident-priority.dmn")));
		files.put("post-incident-analysis.dmn", Files.readAllBytes(Path.of("processes/post-incident-analysis.dmn")));
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
				files.put(form.getFileName().toString(), Files.readAllBytes(form));
			}
		}
		Path extraForm = Path.of("src/test/resources/plans/authored/form-confirm-customer-comms.form");
		files.put(extraForm.getFileName().toString(), Files.readAllBytes(extraForm));
		return files;
	}

	/** Every id the author might rename, renamed; the engine must still keep the record right. */
	static String renamed(String bpmn) {
		return bpmn.replace("UserTask_", "Step_")
			.replace("ServiceTask_", "Block_")
			.replace("BusinessRuleTask_", "Table_")
			.replace("Gateway_", "Choice_")
			.replace("StartEvent_", "Begin_")
			.replace("EndEvent_", "Finish_")
			.replace("Timer_", "Clock_")
			.replace("Flow_", "Arrow_");
	}

	private static String withExtraTask(String bpmn) {
		String task = """
				    <bpmn:userTask id="Step_ConfirmCustomerComms" name="%s" camunda:modelerTemplate="io.firebreak.UserTask" camunda:modelerTemplateVersion="1" camunda:formRef="form-confirm-customer-comms" camunda:formRefBinding="deployment" camunda:assignee="${commander}" camunda:candidateGroups="incident-commanders" camunda:dueDate="${taskDueDates.after(taskDueIn)}">
				      <bpmn:incoming>Arrow_ToNotifyResolution</bpmn:incoming>
				      <bpmn:outgoing>Arrow_ToNotifyAfterConfirm</bpmn:outgoing>
				    </bpmn:userTask>
				    <bpmn:sequenceFlow id="Arrow_ToNotifyAfterConfirm" sourceRef="Step_ConfirmCustomerComms" targetRef="Block_NotifyResolution" />
				""".formatted(EXTRA_TASK_NAME);
		String shapes = """
				      <bpmndi:BPMNShape id="Step_ConfirmCustomerComms_di" bpmnElement="Step_ConfirmCustomerComms">
				        <dc:Bounds x="2110" y="300" width="100" height="80" />
				      </bpmndi:BPMNShape>
				      <bpmndi:BPMNEdge id="Arrow_ToNotifyAfterConfirm_di" bpmnElement="Arrow_ToNotifyAfterConfirm">
				        <di:waypoint x="2210" y="340" />
				        <di:waypoint x="2320" y="340" />
				        <di:waypoint x="2320" y="240" />
				      </bpmndi:BPMNEdge>
				""";
		return bpmn
			.replace("targetRef=\"Block_NotifyResolution\" />",
					"targetRef=\"Step_ConfirmCustomerComms\" />")
			.replace("<bpmn:incoming>Arrow_ToNotifyResolution</bpmn:incoming>\n      <bpmn:outgoing>Arrow_ToPostmortemRequired",
					"<bpmn:incoming>Arrow_ToNotifyAfterConfirm</bpmn:incoming>\n      <bpmn:outgoing>Arrow_ToPostmortemRequired")
			.replace("  </bpmn:process>", task + "  </bpmn:process>")
			.replace("    </bpmndi:BPMNPlane>", shapes + "    </bpmndi:BPMNPlane>")
			.replace("""
					<di:waypoint x="2210" y="200" />
					        <di:waypoint x="2270" y="200" />""", """
					<di:waypoint x="2160" y="240" />
					        <di:waypoint x="2160" y="300" />""");
	}

	private static String read(Path path) throws IOException {
		return Files.readString(path, StandardCharsets.UTF_8);
	}
}
