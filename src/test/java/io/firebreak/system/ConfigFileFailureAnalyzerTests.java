package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A mistake in config/ ends start-up with the mistake itself, however deep in bean creation it was found. */
class ConfigFileFailureAnalyzerTests {

	static class Mistakes extends ConfigFileMistakes {
		Mistakes(String message) {
			super(message);
		}
	}

	@Test
	void describesTheMistakesOfTheFile() {
		String mistakes = "config/scenarios.yaml: scenarios[db-failover].service: 'chekout' is not a service of"
				+ " config/services.yaml";
		FailureAnalysis analysis = new ConfigFileFailureAnalyzer()
			.analyze(new BeanCreationException("drills", "Error creating bean", new BeanCreationException("drillScenarios",
					"Failed to instantiate", new Mistakes(mistakes))));

		assertThat(analysis.getDescription()).isEqualTo(mistakes);
		assertThat(analysis.getAction()).isEqualTo("Fix the file as each line says and start Firebreak again.");
	}

	@Test
	void leavesOtherFailuresToSpringBoot() {
		assertThat(new ConfigFileFailureAnalyzer().analyze(new IllegalStateException("port in use"))).isNull();
	}
}
