package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.FirebreakSpringTest;

/**
 * The plans in processes/ pass the deploy checks, as the build sees them: every diagram with every
 * decision table and form, deployed through the engine as the application deploys them at start-up
 * (which runs the same checks, so a broken plan also fails every Spring test).
 */
@FirebreakSpringTest
class PlanFolderDeploymentTests {

	@Autowired
	RepositoryService repository;

	@Test
	void everyPlanInProcessesDeploysWithItsDecisionTablesAndForms() throws IOException {
		List<Path> diagrams = files("processes", ".bpmn");
		DeploymentBuilder deployment = repository.createDeployment().name("processes folder");
		for (Path file : concat(diagrams, files("processes", ".dmn"), files("forms", ".form"))) {
			deployment.addString(file.getFileName().toString(), Files.readString(file));
		}

		DeploymentWithDefinitions deployed = deployment.deployWithResult();

		assertThat(diagrams).isNotEmpty();
		assertThat(deployed.getDeployedProcessDefinitions()).hasSizeGreaterThanOrEqualTo(diagrams.size());
	}

	@Test
	void theEnginesOwnDeploymentsAreCheckedToo() throws IOException {
		String diagram = Files.readString(Path.of("processes", "incident-response.bpmn"));

		assertThatThrownBy(() -> repository.createDeployment().addString("incident-response.bpmn", diagram).deploy())
			.isInstanceOf(ParseException.class)
			.hasMessageContaining("uses form 'form-declare-incident' with binding 'deployment', but the deployment has no "
					+ "such form");
	}

	private static List<Path> files(String folder, String extension) throws IOException {
		try (Stream<Path> files = Files.list(Path.of(folder))) {
			return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
		}
	}

	@SafeVarargs
	private static List<Path> concat(List<Path>... lists) {
		return Stream.of(lists).flatMap(List::stream).toList();
	}
}
