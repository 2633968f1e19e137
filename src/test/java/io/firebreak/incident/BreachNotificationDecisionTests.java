package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/breach-notification.dmn: the notifications a breach obliges, each with its recipient,
 * its deadline after the moment of awareness and its legal basis (for the security plan).
 */
@Deployment(resources = "processes/breach-notification.dmn")
class BreachNotificationDecisionTests {

	@RegisterExtension
	static ProcessEngineExtension extension = ProcessEngineExtension.builder()
		.configurationResource("decision-tests.camunda.cfg.xml")
		.build();

	ProcessEngine engine;

	@Test
	void noPersonalDataObligesNoNotification() {
		assertThat(obligations(false, List.of("eu", "us"), true, 100_000)).isEmpty();
	}

	@Test
	void personalDataOfPeopleInTheEuGoesToTheSupervisoryAuthorityWithin72Hours() {
		List<Map<String, Object>> obligations = decide(true, List.of("eu"), false, 40);

		assertThat(obligations).singleElement().satisfies(obligation -> {
			assertThat(obligation).containsEntry("obligation", "notify-supervisory-authority")
				.containsEntry("recipient", "the lead supervisory authority (EU/EEA)")
				.containsEntry("deadline", "PT72H");
			assertThat(obligation.get("basis").toString()).startsWith("GDPR Art. 33");
		});
	}

	@Test
	void aHighRiskToThePeopleAlsoTellsThem() {
		assertThat(obligations(true, List.of("eu"), true, 40))
			.containsExactly("notify-supervisory-authority", "notify-data-subjects");
		assertThat(obligations(true, List.of("uk"), true, 40)).containsExactly("notify-ico", "notify-uk-data-subjects");
	}

	@Test
	void eachJurisdictionAddsItsOwnAndUsThresholdsCountRecords() {
		assertThat(obligations(true, List.of("eu", "us"), false, 499))
			.containsExactly("notify-supervisory-authority", "notify-us-residents");
		assertThat(obligations(true, List.of("eu", "uk", "us"), true, 500)).containsExactly(
				"notify-supervisory-authority", "notify-data-subjects", "notify-ico", "notify-uk-data-subjects",
				"notify-us-residents", "notify-us-attorneys-general");
	}

	@Test
	void noJurisdictionAssessedYetObligesNothingRatherThanFailing() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("personalDataExposed", true);
		variables.put("jurisdictions", null);
		variables.put("highRiskToPeople", true);
		variables.put("recordsExposed", 10);
		assertThat(engine.getDecisionService().evaluateDecisionTableByKey("breach-notification", variables)
			.getResultList()).isEmpty();
	}

	private List<String> obligations(boolean personalData, List<String> jurisdictions, boolean highRisk, long records) {
		return decide(personalData, jurisdictions, highRisk, records).stream()
			.map(obligation -> obligation.get("obligation").toString())
			.toList();
	}

	private List<Map<String, Object>> decide(boolean personalData, List<String> jurisdictions, boolean highRisk,
			long records) {
		return engine.getDecisionService()
			.evaluateDecisionTableByKey("breach-notification", Map.of("personalDataExposed", personalData,
					"jurisdictions", jurisdictions, "highRiskToPeople", highRisk, "recordsExposed", records))
			.getResultList();
	}
}
