package io.firebreak.plan;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds the deployed form a step names and keeps its rules. A deployed form never changes, so
 * its rules are read once per form definition; a form bound to the plan's deployment or to a
 * version always resolves to the same one, so creating or completing such a task costs no query.
 */
@Component
class PlanForms {

	private final ObjectMapper json = new ObjectMapper();
	private final Map<String, FormRules> rulesByFormDefinition = new ConcurrentHashMap<>();
	/** Rules of references that always find the same form: bound to the plan's deployment, or to a version. */
	private final Map<String, FormRules> rulesByFixedReference = new ConcurrentHashMap<>();

	/** Empty when the reference finds no deployed form (the deploy checks refuse such plans). */
	Optional<FormRules> of(FormReference reference, String processDefinitionId) {
		String deploymentId = Context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(processDefinitionId)
			.getDeploymentId();
		String fixed = fixedKey(reference, deploymentId);
		FormRules cached = fixed == null ? null : rulesByFixedReference.get(fixed);
		if (cached != null) {
			return Optional.of(cached);
		}
		CommandContext context = Context.getCommandContext();
		CamundaFormDefinitionEntity definition = definition(context, reference, deploymentId);
		if (definition == null) {
			return Optional.empty();
		}
		FormRules rules = rulesByFormDefinition.computeIfAbsent(definition.getId(), id -> read(context, definition));
		if (fixed != null) {
			rulesByFixedReference.putIfAbsent(fixed, rules);
		}
		return Optional.of(rules);
	}

	/** Null for bindings whose form may change with the next deployment (latest, version tag). */
	private static String fixedKey(FormReference reference, String deploymentId) {
		return switch (reference.binding()) {
			case FormReference.BINDING_DEPLOYMENT -> "deployment\n" + deploymentId + "\n" + reference.key();
			case FormReference.BINDING_VERSION -> "version\n" + reference.key() + "\n" + reference.version();
			default -> null;
		};
	}

	private static CamundaFormDefinitionEntity definition(CommandContext context, FormReference reference,
			String deploymentId) {
		var forms = context.getCamundaFormDefinitionManager();
		return switch (reference.binding()) {
			case FormReference.BINDING_DEPLOYMENT -> forms.findDefinitionByDeploymentAndKey(deploymentId, reference.key());
			case FormReference.BINDING_VERSION -> reference.version() == null || !reference.version().matches("\\d{1,9}")
					? null : forms.findDefinitionByKeyVersionAndTenantId(reference.key(),
							Integer.valueOf(reference.version()), null);
			case FormReference.BINDING_VERSION_TAG -> reference.version() == null ? null
					: forms.findDefinitionByKeyVersionTagAndTenantId(reference.key(), reference.version(), null);
			default -> forms.findLatestDefinitionByKey(reference.key());
		};
	}

	private FormRules read(CommandContext context, CamundaFormDefinitionEntity definition) {
		ResourceEntity resource = context.getResourceManager()
			.findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
		try {
			return FormRules.of(json.readTree(resource.getBytes()));
		}
		catch (IOException e) {
			throw new IllegalStateException("form '" + definition.getKey() + "' is not JSON", e);
		}
	}
}
