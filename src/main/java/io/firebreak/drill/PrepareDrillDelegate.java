package io.firebreak.drill;

import static io.firebreak.incident.IncidentResponseVariables.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentKeys;

/**
 * The "Prepare drill" building block (template {@code io.firebreak.PrepareDrill}): picks the
 * scenario (the one asked for, or on a scheduled start the next in the rotation), takes the
 * incident key the drill's plan will declare under, and sets the declaration's variables for the
 * call activity that runs the plan. The drill shares the incident's key, so Cockpit and the audit
 * trail show it beside the plan it ran.
 */
@Component
public class PrepareDrillDelegate implements JavaDelegate {

	private final DrillScenarios scenarios;
	private final DrillRepository drills;
	private final IncidentKeys keys;
	private final Clock clock;

	PrepareDrillDelegate(DrillScenarios scenarios, DrillRepository drills, IncidentKeys keys, Clock clock) {
		this.scenarios = scenarios;
		this.drills = drills;
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object asked = execution.getVariable(DrillVariables.SCENARIO);
		DrillScenario scenario = asked == null || asked.toString().isBlank()
				? scenarios.nextInRotation(drills.lastStartedByScenario())
					.orElseThrow(() -> new IllegalStateException("No scheduled drill scenario in config/scenarios.yaml: "
							+ "every scenario says scheduled: false"))
				: scenarios.require(DrillVariables.SCENARIO, asked.toString());
		Object startedBy = execution.getVariable(DrillVariables.STARTED_BY);
		String actor = startedBy == null ? DrillVariables.SCHEDULE_ACTOR : startedBy.toString();
		IncidentKey key = keys.next();
		execution.setProcessBusinessKey(key.value());
		execution.setVariable(DrillVariables.SCENARIO, scenario.id());
		execution.setVariable(DrillVariables.PLAN, scenario.plan());
		execution.setVariable(INCIDENT_KEY, key.value());
		execution.setVariable(TITLE, scenario.title());
		execution.setVariable(SUMMARY, scenario.summary());
		execution.setVariable(SERVICE, scenario.service());
		execution.setVariable(IMPACT, scenario.impact());
		execution.setVariable(URGENCY, scenario.urgency());
		execution.setVariable(INCIDENT_TYPE, scenario.type());
		execution.setVariable(DRILL, true);
		execution.setVariable(DECLARED_BY, actor);
		// as planned now: a scenario edited while the drill runs does not change what it injects
		execution.setVariable(DrillVariables.INJECTS, Variables.objectValue(injects(scenario))
			.serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
		drills.insert(Drill.start(key.value(), scenario, actor, clock.instant(), execution.getProcessInstanceId()));
	}

	/** The scenario's opening alerts are an inject at +0 without a text: they fire as the drill starts. */
	private static List<Map<String, Object>> injects(DrillScenario scenario) {
		List<Map<String, Object>> injects = new ArrayList<>();
		if (!scenario.alerts().isEmpty()) {
			injects.add(inject("PT0S", null, scenario.alerts()));
		}
		scenario.injects().forEach(inject -> injects.add(inject(inject.at().toString(), inject.text(), inject.alerts())));
		return injects;
	}

	private static Map<String, Object> inject(String at, String text, List<String> alerts) {
		Map<String, Object> inject = new LinkedHashMap<>();
		inject.put("at", at);
		inject.put("text", text);
		inject.put("alerts", new ArrayList<>(alerts));
		return inject;
	}
}
