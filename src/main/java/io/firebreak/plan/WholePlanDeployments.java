package io.firebreak.plan;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;

/**
 * Modeler's Deploy button asks Camunda to deploy only the files that changed. A plan binds its
 * forms and decision table to its own deployment, so a new version of the diagram alone would
 * lose them, and the deploy checks would refuse it. For a deployment with a diagram, this turns
 * "changed files only" into "all the files sent, when any of them changed": nothing is deployed
 * when nothing changed, and otherwise the new version carries everything it needs.
 */
class WholePlanDeployments extends CommandInterceptor {

	private static final Field DEPLOYMENT_BUILDER = deploymentBuilderField();

	@Override
	public <T> T execute(Command<T> command) {
		if (command instanceof DeployCmd deploy) {
			DeploymentBuilderImpl builder = builderOf(deploy);
			if (builder.isDeployChangedOnly()
					&& builder.getResourceNames().stream().anyMatch(name -> name.endsWith(".bpmn"))) {
				builder.enableDuplicateFiltering(false);
			}
		}
		return next.execute(command);
	}

	private static DeploymentBuilderImpl builderOf(DeployCmd deploy) {
		try {
			return (DeploymentBuilderImpl) DEPLOYMENT_BUILDER.get(deploy);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Field deploymentBuilderField() {
		try {
			// Camunda keeps the builder in a protected field and offers no other way to read it
			Field field = DeployCmd.class.getDeclaredField("deploymentBuilder");
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException e) {
			throw new IllegalStateException("this Camunda version's DeployCmd has no deploymentBuilder", e);
		}
	}
}
