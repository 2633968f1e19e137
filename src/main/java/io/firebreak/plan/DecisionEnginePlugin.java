package io.firebreak.plan;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Decision tables evaluate their literal cells without the FEEL engine ({@link LiteralFeelEngine}).
 * Camunda's own FEEL settings still hold: custom functions reach the FEEL engine, and with
 * {@code dmn-feel-enable-legacy-behavior} the legacy engine is used as Camunda would.
 */
@Component
class DecisionEnginePlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration decisions = configuration.getDmnEngineConfiguration() != null
				? configuration.getDmnEngineConfiguration()
				: (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
		// decided when the decision engine is built, after every plugin and property has had its say
		decisions.setFeelEngineFactory(() -> configuration.isDmnFeelEnableLegacyBehavior()
				? new FeelEngineFactoryImpl().createInstance()
				: new LiteralFeelEngine(scalaFeel(configuration)));
		configuration.setDmnEngineConfiguration(decisions);
	}

	private static FeelEngine scalaFeel(ProcessEngineConfigurationImpl configuration) {
		return (configuration.getDmnFeelCustomFunctionProviders() == null ? new ScalaFeelEngineFactory()
				: new ScalaFeelEngineFactory(configuration.getDmnFeelCustomFunctionProviders())).createInstance();
	}
}
