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
 * its rules are read once per form definition; which form a plan's deployment binding picks is
 * remembered too, so completing a task costs no query for it.
 */
@Component
class PlanForms {

	private final ObjectMapper json = new ObjectMapper();
	private final Map<String, FormRules> rulesByFormDefinition = new ConcurrentHashMap<>();
	private final Map<String, String> formDefinitionByDeploymentAndKey = new ConcurrentHashMap<>();

	/** Empty when the reference finds no deployed form (the deploy checks refuse such plans). */
	Optional<FormRules> of(FormReference reference, String processDefinitionId) {
		CommandContext context = Context.getCommandContext();
		String deploymentId = Context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(processDefinitionId)
			.getDeploymentId();
		CamundaFormDefinitionEntity definition = definition(context, reference, deploymentId);
		if (definition == null) {
			return Optional.empty();
		}
		return Optional.of(rulesByFormDefinition.computeIfAbsent(definition.getId(), id -> read(context, definition)));
	}

	private CamundaFormDefinitionEntity definition(CommandContext context, FormReference reference,
			String deploymentId) {
		var forms = context.getCamundaFormDefinitionManager();
		return switch (reference.binding()) {
			case FormReference.BINDING_DEPLOYMENT -> {
				String cacheKey = deploymentId + "\n" + reference.key();
				String id = formDefinitionByDeploymentAndKey.get(cacheKey);
				CamundaFormDefinitionEntity found = id != null ? forms.findLatestDefinitionById(id)
						: forms.findDefinitionByDeploymentAndKey(deploymentId, reference.key());
				if (found != null) {
					formDefinitionByDeploymentAndKey.putIfAbsent(cacheKey, found.getId());
				}
				yield found;
			}
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
