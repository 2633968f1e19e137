package io.firebreak.plan;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Decision tables evaluate their literal cells without the FEEL engine ({@link LiteralFeelEngine}). */
@Component
class DecisionEnginePlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration decisions = configuration.getDmnEngineConfiguration() != null
				? configuration.getDmnEngineConfiguration()
				: (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
		ScalaFeelEngineFactory feel = new ScalaFeelEngineFactory();
		decisions.setFeelEngineFactory(() -> new LiteralFeelEngine(feel.createInstance()));
		configuration.setDmnEngineConfiguration(decisions);
	}
}
