package io.firebreak.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine this node's stable name: its job executor locks jobs under it (Camunda's
 * default is a new random owner on every start, which leaves a killed node's locks to expire),
 * and Camunda's job log and metrics record it as the host that ran each job.
 */
@Component
class ClusterNodeEnginePlugin extends AbstractProcessEnginePlugin {

	private final ClusterNode node;

	ClusterNodeEnginePlugin(ClusterNode node) {
		this.node = node;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setHostname(node.id());
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getJobExecutor() != null) {
			configuration.getJobExecutor().setLockOwner(node.id());
		}
	}
}
