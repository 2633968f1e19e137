package io.firebreak.plan;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the engine check every plan it deploys (Modeler's Deploy button through /engine-rest, and
 * the application's own deployment of processes/ at start-up) with {@link PlanDeploymentChecks}, and
 * every form it deploys with {@link FormDeploymentChecks}.
 * Camunda's Spring Boot starter applies every ProcessEnginePlugin bean.
 */
@Component
class PlanDeploymentChecksPlugin extends AbstractProcessEnginePlugin {

	private final ListableBeanFactory beans;

	PlanDeploymentChecksPlugin(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getBpmnParseFactory() != null
				&& !(configuration.getBpmnParseFactory() instanceof DefaultBpmnParseFactory)) {
			throw new IllegalStateException("another BpmnParseFactory is configured ("
					+ configuration.getBpmnParseFactory().getClass().getName() + "): the plan deployment checks replace it");
		}
		configuration.setBpmnParseFactory(parser -> new CheckedBpmnParse(parser, beans));
		List<Deployer> preDeployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		preDeployers.add(new FormDeploymentChecks());
		configuration.setCustomPreDeployers(preDeployers);
	}
}
