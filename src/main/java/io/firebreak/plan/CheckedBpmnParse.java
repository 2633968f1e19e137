package io.firebreak.plan;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Camunda's BPMN parse with {@link PlanDeploymentChecks} listening. A parse listener receives only
 * XML elements, yet the checks must read the deployment's resources and report through the parse
 * ({@code addError}) so that every problem is collected: hence one listener per parse, made here,
 * where both are at hand.
 */
final class CheckedBpmnParse extends BpmnParse {

	CheckedBpmnParse(BpmnParser parser, ListableBeanFactory beans) {
		super(parser);
		// a copy: the parser's list is shared by every parse
		parseListeners = new ArrayList<>(parseListeners);
		parseListeners.add(0, new PlanDeploymentChecks(this::addError, () -> checksDeployment() ? new DeploymentResources(deployment) : null, beans));
	}

	/**
	 * Only new deployments are checked. Camunda parses a deployed plan again when it loads it (after
	 * a restart, or into a fresh cache): a plan deployed before a check existed must still run.
	 */
	private boolean checksDeployment() {
		return deployment != null && deployment.isNew();
	}
}
