package io.firebreak.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda Forms and decisions that travel in the deployment being parsed. These are what a
 * reference with binding {@code deployment} finds at run time, so they are read from the resources
 * themselves, by the ids Camunda will register them under (a form's "id", a DMN decision's id).
 */
final class DeploymentResources {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, JsonNode> formsById = new HashMap<>();
	private final Map<String, String> decisionResourceById = new HashMap<>();

	DeploymentResources(DeploymentEntity deployment) {
		Map<String, ResourceEntity> resources = deployment == null || deployment.getResources() == null ? Map.of()
				: deployment.getResources();
		resources.values().forEach(this::read);
	}

	private void read(ResourceEntity resource) {
		String name = resource.getName();
		byte[] bytes = resource.getBytes();
		if (name == null || bytes == null) {
			return;
		}
		if (name.endsWith(".form")) {
			form(bytes).ifPresent(form -> formsById.put(form.path("id").asText(), form));
		}
		else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
			decisionIds(bytes).forEach(id -> decisionResourceById.put(id, name));
		}
	}

	/** A form's JSON, when it is JSON with an id; a broken form is the form deployer's to refuse. */
	static Optional<JsonNode> form(byte[] bytes) {
		try {
			JsonNode form = JSON.readTree(bytes);
			return form != null && form.hasNonNull("id") ? Optional.of(form) : Optional.empty();
		}
		catch (IOException unreadable) {
			return Optional.empty();
		}
	}

	private static Set<String> decisionIds(byte[] bytes) {
		try {
			return Set.copyOf(Dmn.readModelFromStream(new ByteArrayInputStream(bytes)).getModelElementsByType(Decision.class)
				.stream().map(Decision::getId).toList());
		}
		catch (RuntimeException unreadable) {
			// the DMN deployer refuses a broken table with its own message
			return Set.of();
		}
	}

	Optional<JsonNode> form(String id) {
		return Optional.ofNullable(formsById.get(id));
	}

	boolean hasDecision(String id) {
		return decisionResourceById.containsKey(id);
	}
}
