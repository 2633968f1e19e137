package io.firebreak.drill;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.incident.IncidentResponseVariables;

/**
 * Starts a drill on demand, as Tasklist's start form does: the drill plan
 * ({@code firebreak.drills.process}) with the scenario asked for, as the signed-in person, whose
 * Camunda authorizations decide whether they may (whoever may declare an incident may drill one).
 */
@Service
public class Drills {

	/** The drill that was started and the incident its plan declared. */
	public record Started(String incidentKey, String scenario, String processInstanceId) {
	}

	private final RuntimeService runtime;
	private final DrillScenarios scenarios;
	private final String process;

	Drills(RuntimeService runtime, DrillScenarios scenarios, @Value("${firebreak.drills.process}") String process) {
		this.runtime = runtime;
		this.scenarios = scenarios;
		this.process = process;
	}

	@Transactional
	public Started start(String scenarioId) {
		DrillScenario scenario = scenarios.require("scenario", scenarioId);
		ProcessInstanceWithVariables drill = runtime.createProcessInstanceByKey(process)
			.setVariable(DrillVariables.SCENARIO, scenario.id())
			.executeWithVariablesInReturn();
		return new Started((String) drill.getVariables().get(IncidentResponseVariables.INCIDENT_KEY), scenario.id(),
				drill.getId());
	}
}
