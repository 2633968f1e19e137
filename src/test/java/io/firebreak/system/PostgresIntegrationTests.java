package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.firebreak.postmortem.PostmortemDriver;
import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.roster.Roster;

/**
 * The production database: the whole lifecycle and concurrent key allocation on PostgreSQL
 * (127.0.0.1:5432, database {@code test}), in a schema of its own that is dropped afterwards.
 * Without PostgreSQL the test is skipped on a developer's machine and fails in CI.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
class PostgresIntegrationTests {

	static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
	static final String SCHEMA = "firebreak_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry properties) {
		try (Connection connection = DriverManager.getConnection(SERVER, user(), "")) {
			connection.createStatement().execute("create schema " + SCHEMA);
		}
		catch (SQLException unavailable) {
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException("CI needs PostgreSQL on 127.0.0.1:5432 (database test)", unavailable);
			}
			Assumptions.abort("no PostgreSQL on 127.0.0.1:5432: " + unavailable.getMessage());
		}
		properties.add("spring.datasource.url", () -> SERVER + "?currentSchema=" + SCHEMA);
		properties.add("spring.datasource.username", PostgresIntegrationTests::user);
		properties.add("spring.datasource.password", () -> "");
	}

	static String user() {
		return System.getProperty("user.name");
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER, user(), "")) {
			connection.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
		}
	}

	@Autowired
	ProcessEngine engine;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	IncidentRepository incidents;

	@Autowired
	Roster roster;

	@Test
	void concurrentDeclarationsGetGaplessKeysAndAnIncidentRunsToClosed() throws Exception {
		BpmnAwareTests.init(engine);
		IncidentResponseDriver driver = new IncidentResponseDriver(engine, declarations, roster);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Long> sequence = new ArrayList<>();
		try {
			List<Callable<IncidentKey>> declare = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				declare.add(() -> driver.as("ic", () -> declarations.declare(IncidentDeclaration.of("Checkout errors",
						null, "checkout", "significant", "high", null, false))));
			}
			for (Future<IncidentKey> key : pool.invokeAll(declare)) {
				sequence.add(Long.parseLong(key.get().value().substring(9)));
			}
		}
		finally {
			pool.shutdownNow();
		}
		sequence.sort(null);
		assertThat(sequence).doesNotHaveDuplicates().hasSize(12);
		assertThat(sequence.get(11) - sequence.get(0)).as("no gaps").isEqualTo(11);

		ProcessInstance instance = driver.declare("Payments down", "payments", "extensive", "critical", false);
		driver.workToResolved(instance, "extensive", "critical");
		driver.runJob(instance);
		new PostmortemDriver(engine, driver).workToPublished(instance.getBusinessKey());

		assertThat(instance).isEnded();
		assertThat(incidents.findByKey(new IncidentKey(instance.getBusinessKey())).orElseThrow().status())
			.isEqualTo(IncidentStatus.CLOSED);
	}
}
