package io.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/post-incident-analysis.dmn: which analysis follows a resolution. */
@Deployment(resources = "processes/post-incident-analysis.dmn")
class PostIncidentAnalysisDecisionTests {

	@RegisterExtension
	static ProcessEngineExtension extension = ProcessEngineExtension.builder()
		.configurationResource("decision-tests.camunda.cfg.xml")
		.build();

	ProcessEngine engine;

	@ParameterizedTest(name = "drill={0}, required={1}, {2}, requested={3} → {4}")
	@CsvSource({
			"false, true,  SEV1, false, postmortem", "false, true,  SEV2, false, postmortem",
			"false, false, SEV3, false, none", "false, false, SEV3, true, postmortem",
			"false, false, SEV4, false, none", "false, false, SEV4, true, none",
			"true,  true,  SEV1, false, debrief", "true,  false, SEV3, true, debrief" })
	void decidesTheAnalysis(boolean drill, boolean required, String severity, boolean requested, String analysis) {
		assertThat(decide(Map.of("drill", drill, "postmortemRequired", required, "severity", severity,
				"postmortemRequested", requested))).isEqualTo(analysis);
	}

	/** Plans whose resolve form has no "hold a postmortem" box never set the variable. */
	@Test
	void aPlanThatNeverAsksDecidesByTheTableAlone() {
		Map<String, Object> variables = new HashMap<>(Map.of("drill", false, "postmortemRequired", false, "severity", "SEV3"));
		assertThat(decide(variables)).isEqualTo("none");
		variables.put("postmortemRequired", true);
		assertThat(decide(variables)).isEqualTo("postmortem");
	}

	private String decide(Map<String, Object> variables) {
		return engine.getDecisionService()
			.evaluateDecisionTableByKey("post-incident-analysis", variables)
			.getSingleResult()
			.getSingleEntry();
	}
}
