package io.firebreak.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Milestone;

/**
 * Reads the deployed plans and their versions from the engine: who deployed each (Camunda's user
 * operation log), how many instances run on it, and what changed from the version before.
 */
@Component
class PlanCatalog {

	private final RepositoryService repository;
	private final RuntimeService runtime;
	private final HistoryService history;
	private final IdentityService identity;

	PlanCatalog(RepositoryService repository, RuntimeService runtime, HistoryService history, IdentityService identity) {
		this.repository = repository;
		this.runtime = runtime;
		this.history = history;
		this.identity = identity;
	}

	/** Every plan key with its versions, newest first. */
	List<List<PlanVersion>> plans() {
		return asFirebreak(() -> versions(repository.createProcessDefinitionQuery()
			.orderByProcessDefinitionKey().asc()
			.orderByProcessDefinitionVersion().desc()
			.list()).stream()
			.collect(Collectors.groupingBy(PlanVersion::key, LinkedHashMap::new, Collectors.toList()))
			.values().stream().toList());
	}

	PlanHistory history(String key) {
		return asFirebreak(() -> {
			List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.orderByProcessDefinitionVersion().desc()
				.list();
			if (definitions.isEmpty()) {
				throw new PlanNotFound(key, null);
			}
			List<PlanVersion> versions = versions(definitions);
			List<Process> models = definitions.stream().map(this::process).toList();
			List<PlanHistory.Entry> entries = new ArrayList<>();
			for (int i = 0; i < versions.size(); i++) {
				boolean first = i == versions.size() - 1;
				entries.add(first ? new PlanHistory.Entry(versions.get(i), null, null)
						: new PlanHistory.Entry(versions.get(i), versions.get(i + 1).version(),
								PlanDiff.between(models.get(i + 1), models.get(i))));
			}
			return new PlanHistory(key, List.copyOf(entries));
		});
	}

	/**
	 * The latest version of every response plan: a process whose start event has milestone
	 * {@code declared} (the follow-ups it calls, Firebreak's own processes and the review itself are
	 * not plans to review). Camunda caches the models, so this reads no BPMN twice.
	 */
	List<ResponsePlan> responsePlans() {
		return asFirebreak(() -> repository.createProcessDefinitionQuery()
			.latestVersion()
			.orderByProcessDefinitionKey().asc()
			.list().stream()
			.filter(definition -> {
				Process process = deployedProcess(definition);
				return process != null && process.getChildElementsByType(StartEvent.class).stream()
					.anyMatch(start -> property(start, Milestone.PROPERTY).filter("declared"::equals).isPresent());
			})
			.map(definition -> new ResponsePlan(definition.getKey(), definition.getName(), definition.getVersion(),
					definition.getVersionTag(), definition.getId(),
					property(deployedProcess(definition), ResponsePlan.OWNER_PROPERTY).orElse(null)))
			.toList());
	}

	private Process deployedProcess(ProcessDefinition definition) {
		return repository.getBpmnModelInstance(definition.getId()).getModelElementById(definition.getKey());
	}

	/** A {@code camunda:property} of the element's own extension elements, empty when absent or blank. */
	private static Optional<String> property(BaseElement element, String name) {
		if (element.getExtensionElements() == null) {
			return Optional.empty();
		}
		return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
			.flatMap(properties -> properties.getCamundaProperties().stream())
			.filter(property -> name.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.filter(value -> value != null && !value.isBlank())
			.map(String::strip)
			.findFirst();
	}

	/** The BPMN file a version was deployed from, exactly as deployed. */
	byte[] bpmn(String key, int version) {
		return asFirebreak(() -> {
			try (InputStream in = repository.getProcessModel(definition(key, version).getId())) {
				return in.readAllBytes();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	private ProcessDefinition definition(String key, int version) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.processDefinitionVersion(version)
			.singleResult();
		if (definition == null) {
			throw new PlanNotFound(key, version);
		}
		return definition;
	}

	private Process process(ProcessDefinition definition) {
		try (InputStream in = repository.getProcessModel(definition.getId())) {
			return Bpmn.readModelFromStream(in).getModelElementById(definition.getKey());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<PlanVersion> versions(List<ProcessDefinition> definitions) {
		Map<String, Deployment> deployments = repository.createDeploymentQuery().list().stream()
			.collect(Collectors.toMap(Deployment::getId, Function.identity()));
		Map<String, String> deployers = new LinkedHashMap<>();
		return definitions.stream().map(definition -> {
			Deployment deployment = deployments.get(definition.getDeploymentId());
			String deployedBy = deployers.computeIfAbsent(definition.getDeploymentId(), this::deployedBy);
			return new PlanVersion(definition.getId(), definition.getKey(), definition.getName(),
					definition.getVersion(), definition.getVersionTag(),
					deployment == null || deployment.getDeploymentTime() == null ? null
							: deployment.getDeploymentTime().toInstant(),
					deployedBy.isEmpty() ? null : deployedBy, deployment == null ? null : deployment.getName(),
					deployment == null ? null : deployment.getSource(),
					runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count());
		}).toList();
	}

	/**
	 * Who deployed, from Camunda's user operation log: it has an entry for a deployment made by a
	 * signed-in user (Modeler's Deploy button, /engine-rest), none for Firebreak's own at start-up.
	 * "" stands for none, since a map keeps no nulls.
	 */
	private String deployedBy(String deploymentId) {
		return history.createUserOperationLogQuery()
			.operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
			.entityType(EntityTypes.DEPLOYMENT)
			.deploymentId(deploymentId)
			.list().stream()
			.map(UserOperationLogEntry::getUserId)
			.filter(user -> user != null)
			.findFirst()
			.orElse("");
	}

	/**
	 * Reads as Firebreak, not as the signed-in user: who may see the catalog is decided at the page
	 * (plan readers), and its figures are the plan's, for instance how many incidents still run on an
	 * old version, which an author without read rights on instances needs to know.
	 */
	private <T> T asFirebreak(Supplier<T> read) {
		Authentication user = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return read.get();
		}
		finally {
			if (user != null) {
				identity.setAuthentication(user);
			}
		}
	}
}
