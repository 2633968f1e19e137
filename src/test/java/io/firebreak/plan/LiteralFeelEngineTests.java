package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The short-cuts of {@link LiteralFeelEngine} give FEEL's own answers, for Firebreak's decision tables and for cells. */
class LiteralFeelEngineTests {

	final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
	final AtomicInteger handedOn = new AtomicInteger();
	final LiteralFeelEngine literal = new LiteralFeelEngine(new FeelEngine() {
		@Override
		public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
			handedOn.incrementAndGet();
			return feel.evaluateSimpleExpression(expression, variables);
		}

		@Override
		public boolean evaluateSimpleUnaryTests(String expression, String input, VariableContext variables) {
			handedOn.incrementAndGet();
			return feel.evaluateSimpleUnaryTests(expression, input, variables);
		}
	});

	@Test
	void thePriorityTableGivesTheSameResultsWithoutTheFeelEngine() throws Exception {
		DmnEngine plain = engine(new ScalaFeelEngineFactory()::createInstance);
		DmnEngine shortCut = engine(() -> literal);
		DmnDecision priority = decision(plain, "incident-priority");
		for (String impact : List.of("minor", "moderate", "significant", "extensive", "unknown")) {
			for (String urgency : List.of("low", "medium", "high", "critical")) {
				Map<String, Object> inputs = Map.of("impact", impact, "urgency", urgency);
				assertThat(shortCut.evaluateDecision(decision(shortCut, "incident-priority"), inputs).getResultList())
					.as(impact + " x " + urgency)
					.isEqualTo(plain.evaluateDecision(priority, inputs).getResultList());
			}
		}
		assertThat(handedOn).as("cells the FEEL engine still evaluated").hasValue(0);
	}

	@Test
	void thePostIncidentAnalysisAndTheBreachTableGiveTheSameResults() throws Exception {
		DmnEngine plain = engine(new ScalaFeelEngineFactory()::createInstance);
		DmnEngine shortCut = engine(() -> literal);
		for (Boolean drill : Arrays.asList(true, false, null)) {
			for (boolean required : List.of(true, false)) {
				for (String severity : List.of("SEV1", "SEV2", "SEV3", "SEV4")) {
					for (Boolean requested : Arrays.asList(true, false, null)) {
						Map<String, Object> inputs = new java.util.HashMap<>();
						inputs.put("drill", drill);
						inputs.put("postmortemRequired", required);
						inputs.put("severity", severity);
						inputs.put("postmortemRequested", requested);
						assertThat(shortCut.evaluateDecision(decision(shortCut, "post-incident-analysis"), inputs).getResultList())
							.as(inputs.toString())
							.isEqualTo(plain.evaluateDecision(decision(plain, "post-incident-analysis"), inputs).getResultList());
					}
				}
			}
		}
		for (List<String> jurisdictions : List.of(List.of("eu"), List.of("uk", "us"), List.<String>of())) {
			for (boolean highRisk : List.of(true, false)) {
				for (long records : List.of(0L, 499L, 500L, 100_000L)) {
					Map<String, Object> inputs = Map.of("personalDataExposed", true, "jurisdictions",
							new ArrayList<>(jurisdictions), "highRiskToPeople", highRisk, "recordsExposed", records);
					assertThat(shortCut.evaluateDecision(decision(shortCut, "breach-notification"), inputs).getResultList())
						.as(inputs.toString())
						.isEqualTo(plain.evaluateDecision(decision(plain, "breach-notification"), inputs).getResultList());
				}
			}
		}
	}

	@Test
	void cellsOtherThanLiteralsAndNamesGoToTheFeelEngine() {
		VariableContext context = Variables.createVariables().putValue("cellInput", 7L).putValue("count", 3L)
			.putValue("name", "checkout").asVariableContext();

		assertThat(literal.evaluateSimpleUnaryTests("> 5", "cellInput", context)).isTrue();
		assertThat(literal.evaluateSimpleUnaryTests("\"7\"", "cellInput", context)).isFalse(); // a number is not a string
		assertThat((Object) literal.evaluateSimpleExpression("count + 1", context)).isEqualTo(feel.evaluateSimpleExpression("count + 1", context));
		assertThat((Object) literal.evaluateSimpleExpression("count", context)).isEqualTo(feel.evaluateSimpleExpression("count", context));
		assertThat(handedOn).hasValue(4);

		assertThat((Object) literal.evaluateSimpleExpression("name", context)).isEqualTo("checkout");
		assertThat((Object) literal.evaluateSimpleExpression(" \"PT1H\" ", context)).isEqualTo("PT1H");
		assertThat(literal.evaluateSimpleUnaryTests("-", "cellInput", context)).isTrue();
		assertThat(handedOn).hasValue(4);
	}

	@Test
	void theEnginePluginGivesTheEngineTheShortCutsUnlessLegacyFeelIsAsked() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		new DecisionEnginePlugin().preInit(configuration);

		assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory().createInstance())
			.isInstanceOf(LiteralFeelEngine.class);
		configuration.setDmnFeelEnableLegacyBehavior(true); // as a generic property may, after this plugin
		assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory().createInstance())
			.isNotInstanceOf(LiteralFeelEngine.class);
	}

	private static DmnEngine engine(org.camunda.bpm.dmn.feel.impl.FeelEngineFactory feel) {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.setFeelEngineFactory(feel);
		return configuration.buildEngine();
	}

	private static DmnDecision decision(DmnEngine engine, String id) throws Exception {
		try (InputStream file = Files.newInputStream(Path.of("processes", id + ".dmn"))) {
			return engine.parseDecision(id, file);
		}
	}
}
