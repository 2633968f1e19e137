package io.firebreak.incident;

import static io.firebreak.incident.IncidentResponseVariables.*;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.roster.Roster;

/**
 * Declares an incident by starting its plan, which {@link PlanSelection} chooses from the service
 * and type. The key is reserved first, in a short transaction of its own (see {@link IncidentKeys});
 * the record and the instance commit together.
 */
@Service
public class IncidentDeclarations {

	private final RuntimeService runtime;
	private final IncidentKeys keys;
	private final Roster roster;
	private final PlanSelection plans;
	private final CommandExecutor commands;
	private final TransactionTemplate transaction;

	IncidentDeclarations(ProcessEngine engine, IncidentKeys keys, Roster roster, PlanSelection plans,
			PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.runtime = engine.getRuntimeService();
		this.keys = keys;
		this.roster = roster;
		this.plans = plans;
		this.commands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
	}

	/** Declared by the signed-in user, whom the plan's start event records as {@code declaredBy}. */
	public IncidentKey declare(IncidentDeclaration declaration) {
		return declare(declaration, null);
	}

	/**
	 * Declared on behalf of {@code declaredBy}, e.g. an alert source: no person is signed in then,
	 * so the start event's initiator would be empty (and Camunda checks no authorizations).
	 */
	public IncidentKey declare(IncidentDeclaration declaration, String declaredBy) {
		String plan = checkedPlan(declaration);
		IncidentKey key = keys.reserve();
		return transaction.execute(status -> start(plan, declaration, declaredBy, key));
	}

	/**
	 * As {@link #declare(IncidentDeclaration, String)}, under {@code reserved}, a key the caller
	 * took before its transaction began, which this joins.
	 */
	public IncidentKey declare(IncidentDeclaration declaration, String declaredBy, IncidentKey reserved) {
		String plan = checkedPlan(declaration);
		return transaction.execute(status -> start(plan, declaration, declaredBy, reserved));
	}

	private String checkedPlan(IncidentDeclaration declaration) {
		roster.requireService("service", declaration.service());
		String plan = plans.planFor(declaration.service(), declaration.type());
		if (!deployed(plan)) {
			throw new PlanNotDeployed(plan, declaration.service(), declaration.type());
		}
		return plan;
	}

	private IncidentKey start(String plan, IncidentDeclaration declaration, String declaredBy, IncidentKey key) {
		VariableMap variables = Variables.createVariables();
		if (declaredBy != null) {
			variables.putValue(DECLARED_BY, declaredBy);
		}
		runtime.createProcessInstanceByKey(plan)
			.businessKey(key.value())
			.setVariables(variables
				.putValue(TITLE, declaration.title())
				.putValue(SUMMARY, declaration.summary())
				.putValue(SERVICE, declaration.service())
				.putValue(IMPACT, declaration.impact().value())
				.putValue(URGENCY, declaration.urgency().value())
				.putValue(INCIDENT_TYPE, declaration.type().value())
				.putValue(DRILL, declaration.drill()))
			.execute();
		return key;
	}

	/**
	 * Looked up without the declarer's authorizations: someone allowed to declare learns that the
	 * plan is missing, not that they may not read it (and Camunda's own error would be a 500).
	 */
	private boolean deployed(String plan) {
		return commands.execute(context -> context.runWithoutAuthorization(
				() -> context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(plan) != null));
	}
}
