package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every one of the 16 impact × urgency cells of processes/incident-priority.dmn. */
@Deployment(resources = "processes/incident-priority.dmn")
class IncidentPriorityDecisionTests {

	@RegisterExtension
	static ProcessEngineExtension extension = ProcessEngineExtension.builder()
		.configurationResource("decision-tests.camunda.cfg.xml")
		.build();

	ProcessEngine engine;

	@ParameterizedTest(name = "{0} × {1} → {2}")
	@CsvSource({
			"extensive,   critical, SEV1", "extensive,   high, SEV1", "extensive,   medium, SEV2", "extensive,   low, SEV3",
			"significant, critical, SEV1", "significant, high, SEV2", "significant, medium, SEV3", "significant, low, SEV3",
			"moderate,    critical, SEV2", "moderate,    high, SEV3", "moderate,    medium, SEV3", "moderate,    low, SEV4",
			"minor,       critical, SEV3", "minor,       high, SEV4", "minor,       medium, SEV4", "minor,       low, SEV4" })
	void decidesSeverityAndItsTargets(String impact, String urgency, String severity) {
		DmnDecisionRuleResult result = decide(impact, urgency);

		assertThat(result.<String>getEntry("severity")).isEqualTo(severity);
		assertThat(Map.of("ackTimeout", result.getEntry("ackTimeout"), "updateCadence", result.getEntry("updateCadence"),
				"postmortemRequired", result.getEntry("postmortemRequired"), "taskDueIn", result.getEntry("taskDueIn")))
			.isEqualTo(TARGETS.get(severity));
	}

	@Test
	void matchesNothingOutsideTheTable() {
		assertThat(engine.getDecisionService()
			.evaluateDecisionTableByKey("incident-priority", Map.of("impact", "huge", "urgency", "high"))).isEmpty();
	}

	private static final Map<String, Map<String, Object>> TARGETS = Map.of(
			"SEV1", Map.of("ackTimeout", "PT5M", "updateCadence", "PT30M", "postmortemRequired", true, "taskDueIn", "PT1H"),
			"SEV2", Map.of("ackTimeout", "PT15M", "updateCadence", "PT1H", "postmortemRequired", true, "taskDueIn", "PT4H"),
			"SEV3", Map.of("ackTimeout", "PT30M", "updateCadence", "PT4H", "postmortemRequired", false, "taskDueIn", "P1D"),
			"SEV4", Map.of("ackTimeout", "PT1H", "updateCadence", "P1D", "postmortemRequired", false, "taskDueIn", "P3D"));

	private DmnDecisionRuleResult decide(String impact, String urgency) {
		return engine.getDecisionService()
			.evaluateDecisionTableByKey("incident-priority", Map.of("impact", impact, "urgency", urgency))
			.getSingleResult();
	}
}
