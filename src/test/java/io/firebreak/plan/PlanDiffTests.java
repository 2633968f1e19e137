package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

import io.firebreak.plan.PlanDiff.ElementChange;
import io.firebreak.plan.PlanDiff.FactChange;

class PlanDiffTests {

	static final String PLAN = """
			<?xml version="1.0" encoding="UTF-8"?>
			<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
			    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions" targetNamespace="http://firebreak.io">
			  <bpmn:process id="plan" name="Plan" isExecutable="true" camunda:historyTimeToLive="P180D" camunda:versionTag="1.0">
			    <bpmn:startEvent id="Start" name="Declared">
			      <bpmn:extensionElements><camunda:properties>
			        <camunda:property name="firebreak.milestone" value="declared"/>
			      </camunda:properties></bpmn:extensionElements>
			    </bpmn:startEvent>
			    <bpmn:sequenceFlow id="Flow_ToAssess" sourceRef="Start" targetRef="Assess"/>
			    <bpmn:userTask id="Assess" name="Assess incident" camunda:formRef="form-assess" camunda:formRefBinding="deployment"
			        camunda:candidateGroups="incident-commanders"/>
			    <bpmn:sequenceFlow id="Flow_ToContain" sourceRef="Assess" targetRef="Contain"/>
			    <bpmn:userTask id="Contain" name="Contain">
			      <bpmn:extensionElements><camunda:properties>
			        <camunda:property name="firebreak.milestone" value="contained"/>
			      </camunda:properties></bpmn:extensionElements>
			    </bpmn:userTask>
			    <bpmn:boundaryEvent id="Timer_Ack" name="Not acknowledged" attachedToRef="Contain" cancelActivity="false">
			      <bpmn:timerEventDefinition id="TimerDefinition_1"><bpmn:timeDuration>PT5M</bpmn:timeDuration></bpmn:timerEventDefinition>
			    </bpmn:boundaryEvent>
			    <bpmn:sequenceFlow id="Flow_Recovered" sourceRef="Contain" targetRef="Work">
			      <bpmn:conditionExpression>${recovered}</bpmn:conditionExpression>
			    </bpmn:sequenceFlow>
			    <bpmn:subProcess id="Work" name="Work">
			      <bpmn:startEvent id="Work_Start"/>
			      <bpmn:serviceTask id="Page" name="Page on-call" camunda:delegateExpression="${pageOnCallDelegate}"/>
			    </bpmn:subProcess>
			    <bpmn:userTask id="Obsolete" name="Old step"/>
			    <bpmn:endEvent id="End" name="Closed"/>
			  </bpmn:process>
			</bpmn:definitions>
			""";

	@Test
	void theSameModelHasNoChanges() {
		assertThat(PlanDiff.between(process(PLAN), process(PLAN)).isEmpty()).isTrue();
	}

	@Test
	void elementsAddedAndRemovedByIdAtAnyDepth() {
		String next = PLAN.replace("<bpmn:userTask id=\"Obsolete\" name=\"Old step\"/>",
				"<bpmn:userTask id=\"Review\" name=\"Post-incident review\"/>")
			.replace("<bpmn:startEvent id=\"Work_Start\"/>",
					"<bpmn:startEvent id=\"Work_Start\"/><bpmn:userTask id=\"Work_Update\" name=\"Status update\"/>");

		PlanDiff diff = PlanDiff.between(process(PLAN), process(next));

		assertThat(diff.added()).extracting(ElementChange::label, ElementChange::type)
			.containsExactly(tuple("Status update (Work_Update)", "userTask"), tuple("Post-incident review (Review)", "userTask"));
		assertThat(diff.removed()).extracting(ElementChange::label).containsExactly("Old step (Obsolete)");
		assertThat(diff.changed()).isEmpty();
	}

	@Test
	void aRenameAChangedFormAndAChangedMilestoneAreChangesOfTheElement() {
		String next = PLAN.replace("name=\"Assess incident\" camunda:formRef=\"form-assess\"",
				"name=\"Assess the incident\" camunda:formRef=\"form-assess-v2\"")
			.replace("value=\"contained\"", "value=\"mitigated\"");

		PlanDiff diff = PlanDiff.between(process(PLAN), process(next));

		assertThat(diff.added()).isEmpty();
		assertThat(diff.removed()).isEmpty();
		assertThat(diff.changed()).extracting(ElementChange::label)
			.containsExactly("Assess the incident (Assess)", "Contain (Contain)");
		assertThat(diff.changed().get(0).facts()).containsExactly(
				new FactChange("name", "Assess incident", "Assess the incident"),
				new FactChange("camunda:formRef", "form-assess", "form-assess-v2"));
		assertThat(diff.changed().get(1).facts())
			.containsExactly(new FactChange("camunda:property firebreak.milestone", "contained", "mitigated"));
	}

	@Test
	void timersConditionsFlowsAssignmentsAndDelegatesAreCompared() {
		String next = PLAN.replace("PT5M", "PT15M")
			.replace("${recovered}", "${!recovered}")
			.replace("id=\"Flow_ToContain\" sourceRef=\"Assess\"", "id=\"Flow_ToContain\" sourceRef=\"Start\"")
			.replace("camunda:candidateGroups=\"incident-commanders\"",
					"camunda:candidateGroups=\"responders\" camunda:asyncBefore=\"true\"")
			.replace("${pageOnCallDelegate}", "${escalatePageDelegate}")
			.replace("camunda:versionTag=\"1.0\"", "camunda:versionTag=\"1.1\"")
			.replace("id=\"TimerDefinition_1\"", "id=\"TimerDefinition_2\""); // a regenerated id is no change

		PlanDiff diff = PlanDiff.between(process(PLAN), process(next));

		assertThat(diff.changed()).flatExtracting(change -> change.facts().stream()
			.map(fact -> change.id() + " " + fact.fact() + ": " + fact.before() + " → " + fact.after())
			.toList())
			.containsExactlyInAnyOrder(
					"plan camunda:versionTag: 1.0 → 1.1",
					"Flow_ToContain sourceRef: Assess → Start",
					"Assess camunda:candidateGroups: incident-commanders → responders",
					"Assess camunda:asyncBefore: false → true",
					"Timer_Ack timerEventDefinition/timeDuration: PT5M → PT15M",
					"Flow_Recovered conditionExpression: ${recovered} → ${!recovered}",
					"Page camunda:delegateExpression: ${pageOnCallDelegate} → ${escalatePageDelegate}");
	}

	@Test
	void aChangedTypeIsAChange() {
		String next = PLAN.replace("<bpmn:userTask id=\"Obsolete\" name=\"Old step\"/>",
				"<bpmn:manualTask id=\"Obsolete\" name=\"Old step\"/>");

		ElementChange change = PlanDiff.between(process(PLAN), process(next)).changed().get(0);

		assertThat(change.label()).isEqualTo("Old step (Obsolete)");
		assertThat(change.facts()).contains(new FactChange("type", "userTask", "manualTask"));
	}

	static Process process(String xml) {
		return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
			.getModelElementById("plan");
	}
}
