package io.firebreak.performance.bare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.firebreak.performance.BaselinePlan;
import io.firebreak.performance.IncidentThroughput;

/**
 * The bare Camunda engine the throughput benchmark compares Firebreak with: Camunda's Spring Boot
 * starter and its REST API (/engine-rest), nothing of Firebreak's. It lives in a package of its own
 * so that component scanning finds none of Firebreak's beans, and it reads its properties from
 * the command line only ({@code spring.config.name=bare-engine}, a file that does not exist), so
 * Firebreak's application.yaml is never loaded. The same classpath carries Spring Security, Flyway,
 * mail, Thymeleaf and Camunda's webapps: their auto-configurations are left out, as a bare engine
 * has none of them. The engine runs as Firebreak's does where the engine's own cost is concerned:
 * the same H2 file database options, history level full, the job executor with Firebreak's pool,
 * lock time and wait; no authorization (Firebreak's cost of it is part of what is measured).
 * It deploys {@link BaselinePlan}'s models and the two decisions at start, nothing else.
 * <p>
 * It is on the test classpath inside io.firebreak, where Firebreak's own component scan finds it:
 * the condition keeps it (its exclusions and its deployment) out of every application but the one
 * started as the bare engine.
 */
@ConditionalOnProperty(name = "spring.config.name", havingValue = BareEngineApplication.CONFIG_NAME)
@SpringBootApplication(excludeName = {
		"org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
		"org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
		"org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration",
		"org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration",
		"org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration" })
public class BareEngineApplication {

	/** The properties file name the bare engine reads: none exists, so only the command line counts. */
	public static final String CONFIG_NAME = "bare-engine";

	/** Starts the bare engine on a free port with its database under {@code directory}. */
	public static ConfigurableApplicationContext start(Path directory, String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of(
				"--spring.config.name=" + CONFIG_NAME,
				"--spring.main.banner-mode=off",
				"--server.port=0",
				"--logging.level.root=WARN",
				"--spring.datasource.url=jdbc:h2:file:" + directory.toAbsolutePath().resolve("bare-engine")
						+ IncidentThroughput.H2_OPTIONS,
				"--spring.datasource.username=sa",
				"--spring.datasource.password=",
				// as Firebreak's pool, so that neither waits for a connection the other would have had
				"--spring.datasource.hikari.maximum-pool-size=20",
				"--camunda.bpm.database.schema-update=true",
				"--camunda.bpm.history-level=full",
				"--camunda.bpm.authorization.enabled=false",
				"--camunda.bpm.auto-deployment-enabled=false",
				"--camunda.bpm.id-generator=strong",
				"--camunda.bpm.job-execution.enabled=true",
				"--camunda.bpm.job-execution.core-pool-size=3",
				"--camunda.bpm.job-execution.max-pool-size=6",
				"--camunda.bpm.job-execution.lock-time-in-millis=40000",
				"--camunda.bpm.job-execution.wait-time-in-millis=500",
				"--camunda.bpm.job-execution.max-wait=2000",
				"--camunda.bpm.generic-properties.properties.enforce-history-time-to-live=true",
				"--camunda.bpm.generic-properties.properties.default-serialization-format=application/json"));
		arguments.addAll(List.of(extraArguments));
		return new SpringApplicationBuilder(BareEngineApplication.class).run(arguments.toArray(String[]::new));
	}

	public static void main(String[] args) {
		start(Path.of("target/bench/bare-engine"), args);
	}

	/** Deploys the baseline plan and the decisions it evaluates, unchanged, as one deployment. */
	@Bean
	ApplicationRunner deployBaseline(RepositoryService repository) {
		return arguments -> {
			BaselinePlan plan = BaselinePlan.fromClasspath();
			DeploymentBuilder deployment = repository.createDeployment().name("baseline");
			plan.models().forEach(deployment::addModelInstance);
			BaselinePlan.DECISIONS.forEach(deployment::addClasspathResource);
			deployment.deploy();
		};
	}
}
