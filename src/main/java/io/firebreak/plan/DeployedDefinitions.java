package io.firebreak.plan;

import java.util.Optional;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Forms and decisions already deployed, for references with binding {@code latest}, {@code version}
 * or {@code versionTag}. Read through the deploying command's own managers: the parse runs inside
 * that command, so no second transaction and no authorization check of the deploying user.
 */
final class DeployedDefinitions {

	private DeployedDefinitions() {
	}

	/** The JSON of the deployed form that the binding would pick, if any. */
	static Optional<JsonNode> form(String key, Binding binding) {
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			return Optional.empty();
		}
		CamundaFormDefinitionEntity form = switch (binding.kind()) {
			case "version" -> binding.version() == null ? null
					: command.getCamundaFormDefinitionManager().findDefinitionByKeyVersionAndTenantId(key, binding.version(), null);
			default -> command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key);
		};
		if (form == null) {
			return Optional.empty();
		}
		ResourceEntity resource = command.getResourceManager()
			.findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
		// deployed, but unreadable as a form: it is there, with no fields
		return Optional.of(resource == null ? JsonNodeFactory.instance.objectNode()
				: DeploymentResources.form(resource.getBytes()).orElse(JsonNodeFactory.instance.objectNode()));
	}

	static boolean hasDecision(String key, Binding binding) {
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			return true;
		}
		var decisions = command.getDecisionDefinitionManager();
		return switch (binding.kind()) {
			case "version" -> binding.version() != null
					&& decisions.findDecisionDefinitionByKeyVersionAndTenantId(key, binding.version(), null) != null;
			case "versionTag" -> binding.versionTag() != null
					&& decisions.findDecisionDefinitionByKeyVersionTagAndTenantId(key, binding.versionTag(), null) != null;
			default -> decisions.findLatestDecisionDefinitionByKey(key) != null;
		};
	}

	/** How a reference picks its form or decision: Camunda's binding, with the version it names. */
	record Binding(String kind, Integer version, String versionTag) {

		static Binding of(String kind, String version, String versionTag) {
			Integer number = null;
			try {
				number = version == null ? null : Integer.valueOf(version.strip());
			}
			catch (NumberFormatException notANumber) {
				// an expression or a typo: Camunda refuses or resolves it at run time
			}
			return new Binding(kind == null ? "latest" : kind, number, versionTag);
		}

		String describe() {
			return switch (kind) {
				case "version" -> "version " + (version == null ? "?" : version) + " (binding 'version')";
				case "versionTag" -> "version tag '" + versionTag + "' (binding 'versionTag')";
				default -> "binding '" + kind + "'";
			};
		}
	}
}
