package io.firebreak.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.plan.ResponsePlans;
import io.firebreak.roster.DemoRoster;
import io.firebreak.roster.Roster;
import io.firebreak.system.ConfigFile;

/** config/scenarios.yaml as start-up reads it: the shipped file, and every mistake named by file and path. */
class DrillScenariosTests {

	static final Set<String> RESPONSE_PLANS = Set.of("incident-response", "third-party-degradation", "security-incident");

	static Roster roster;

	@TempDir
	Path folder;

	@BeforeAll
	static void loadRoster() throws Exception {
		roster = DemoRoster.load();
	}

	@Test
	void theShippedScenariosAreValidAndSortTheirInjectsByTime() throws Exception {
		DrillScenarios scenarios = read(Files.readString(Path.of("config/scenarios.yaml")));

		assertThat(scenarios.all()).extracting(DrillScenario::id)
			.containsExactly("checkout-database-failover", "payment-vendor-outage", "identity-login-failures");
		DrillScenario failover = scenarios.find("checkout-database-failover").orElseThrow();
		assertThat(failover.plan()).isEqualTo("incident-response");
		assertThat(failover.type()).isEqualTo("operational");
		assertThat(failover.injects()).extracting(DrillScenario.Inject::at)
			.containsExactly(Duration.ofMinutes(10), Duration.ofMinutes(20));
		assertThat(failover.targets()).isEqualTo(new DrillScenario.Targets(Duration.ofMinutes(5), Duration.ofMinutes(30),
				Duration.ofHours(1)));
		assertThat(scenarios.find("identity-login-failures").orElseThrow().type())
			.as("the service's incident type when the scenario names none").isEqualTo("security");
		assertThat(scenarios.find("identity-login-failures").orElseThrow().plan()).isEqualTo("security-incident");
	}

	@Test
	void aSecurityDrillRunsTheNeedToKnowPlanAndAnOperationalDrillNever() {
		assertThatThrownBy(() -> read("""
				scenarios:
				  - id: token-theft
				    title: Session tokens stolen
				    plan: incident-response
				    service: identity
				    impact: significant
				    urgency: high
				    targets: {acknowledge: PT5M, contain: PT30M, mitigate: PT1H}
				  - id: checkout-as-breach
				    title: Checkout errors
				    plan: security-incident
				    service: checkout
				    impact: significant
				    urgency: high
				    targets: {acknowledge: PT5M, contain: PT30M, mitigate: PT1H}
				"""))
			.isInstanceOf(ScenariosUnreadable.class)
			.hasMessageContaining("scenarios[token-theft].plan: 'incident-response' runs operational incidents; a drill"
					+ " of a security incident runs a plan for security incidents (security-incident)")
			.hasMessageContaining("scenarios[checkout-as-breach].plan: 'security-incident' is the need-to-know plan for"
					+ " security incidents; give the scenario type: security, or name an everyday plan");
	}

	@Test
	void theTasklistStartFormOffersEveryScenario() throws Exception {
		DrillScenarios scenarios = read(Files.readString(Path.of("config/scenarios.yaml")));
		JsonNode form = new ObjectMapper().readTree(Path.of("forms/form-start-drill.form").toFile());
		JsonNode field = StreamSupport.stream(form.path("components").spliterator(), false)
			.filter(component -> "drillScenario".equals(component.path("key").asText()))
			.findFirst()
			.orElseThrow();

		assertThat(StreamSupport.stream(field.path("values").spliterator(), false)
			.map(option -> option.path("value").asText()))
			.containsExactlyElementsOf(scenarios.all().stream().map(DrillScenario::id).toList());
	}

	@Test
	void anUnknownPlanOrServiceIsNamedWithTheFileAndThePath() {
		assertThatThrownBy(() -> read("""
				scenarios:
				  - id: db-failover
				    title: Database fails over
				    plan: incident-responce
				    service: chekout
				    impact: significant
				    urgency: high
				    targets: {acknowledge: PT5M, contain: PT30M, mitigate: PT1H}
				"""))
			.isInstanceOf(ScenariosUnreadable.class)
			.hasMessage(String.join("\n",
					"config/scenarios.yaml: scenarios[db-failover].plan: 'incident-responce' is not a deployed response"
							+ " plan; response plans are incident-response, security-incident, third-party-degradation",
					"config/scenarios.yaml: scenarios[db-failover].service: 'chekout' is not a service of"
							+ " config/services.yaml"));
	}

	@Test
	void everyMistakeIsReportedAtOnce() {
		assertThatThrownBy(() -> read("""
				scenarios:
				  - id: Bad Id
				    title: ""
				    plan: incident-response
				    service: checkout
				    impact: huge
				    urgency: high
				    injects:
				      - at: 10 minutes
				        text: The database fails over
				      - at: PT20M
				        alerts: [""]
				    targets: {acknowledge: PT5M, contain: PT0S}
				  - id: twice
				    title: One
				    plan: incident-response
				    service: checkout
				    impact: minor
				    urgency: low
				    targets: {acknowledge: PT5M, contain: PT30M, mitigate: PT1H}
				  - id: twice
				    title: Two
				    plan: incident-response
				    service: checkout
				    impact: minor
				    urgency: low
				    targets: {acknowledge: PT5M, contain: PT30M, mitigate: PT1H}
				"""))
			.isInstanceOf(ScenariosUnreadable.class)
			.hasMessage(String.join("\n",
					"config/scenarios.yaml: scenarios[Bad Id].id: 'Bad Id' must be lower-case letters, digits and hyphens"
							+ " (at most 63)",
					"config/scenarios.yaml: scenarios[Bad Id].title: is required",
					"config/scenarios.yaml: scenarios[Bad Id].impact: impact must be one of extensive, significant,"
							+ " moderate, minor (was 'huge')",
					"config/scenarios.yaml: scenarios[Bad Id].injects[0].at: '10 minutes' is not an ISO-8601 duration;"
							+ " write e.g. PT10M for 10 minutes, PT1H30M, P1D",
					"config/scenarios.yaml: scenarios[Bad Id].injects[1].text: is required: what the responders are told"
							+ " happens",
					"config/scenarios.yaml: scenarios[Bad Id].injects[1].alerts[0]: is empty: describe the alert, e.g."
							+ " 'HighErrorRate: 5xx above 5%'",
					"config/scenarios.yaml: scenarios[Bad Id].targets.contain: 'PT0S' must be more than zero",
					"config/scenarios.yaml: scenarios[Bad Id].targets.mitigate: is required: an ISO-8601 duration such as"
							+ " PT10M",
					"config/scenarios.yaml: scenarios[twice].id: 'twice' names two scenarios; give each its own id"));
	}

	@Test
	void aFieldTheFileDoesNotKnowIsNamedWithItsPathAndLine() {
		assertThatThrownBy(() -> read("""
				scenarios:
				  - id: db-failover
				    titel: Database fails over
				"""))
			.isInstanceOf(ScenariosUnreadable.class)
			.hasMessageStartingWith("config/scenarios.yaml: Unrecognized field \"titel\"")
			.hasMessageContaining("ArrayList[0]->DrillScenarios$ScenarioEntry[\"titel\"] (line ");
	}

	@Test
	void startUpReadsTheFileFromItsLocationAndNamesIt() throws Exception {
		Path file = folder.resolve("scenarios.yaml");
		Files.writeString(file, "scenarios: []\n", StandardCharsets.UTF_8);
		ResponsePlans responsePlans = Mockito.mock(ResponsePlans.class);

		assertThatThrownBy(() -> new DrillScenarios("file:" + file, new DefaultResourceLoader(), responsePlans, roster))
			.isInstanceOf(ScenariosUnreadable.class)
			.hasMessage(file + ": scenarios: list at least one scenario");
		assertThatThrownBy(() -> new DrillScenarios("file:" + folder.resolve("missing.yaml"), new DefaultResourceLoader(),
				responsePlans, roster))
			.isInstanceOf(ScenariosUnreadable.class)
			.hasMessageContaining("missing.yaml exists; point firebreak.drills.scenarios at it");
	}

	@Test
	void aRosterReloadThatDropsADrilledServiceIsRefusedNamingTheScenario() throws Exception {
		DrillScenarios scenarios = read(Files.readString(Path.of("config/scenarios.yaml")));
		Roster withoutTheGateway = new Roster(roster.people(), roster.teams(), roster.services().stream()
			.filter(service -> !service.id().equals("payment-gateway")).toList());

		assertThat(scenarios.problems(roster)).isEmpty();
		assertThat(scenarios.problems(withoutTheGateway)).containsExactly("config/scenarios.yaml:"
				+ " scenarios[payment-vendor-outage].service: 'payment-gateway' would no longer be a service of"
				+ " config/services.yaml; keep the service, or remove the scenario and restart first");
	}

	@Test
	void theRotationTakesTheScenarioDrilledLeastRecentlyNeverDrilledFirst() throws Exception {
		DrillScenarios scenarios = read("""
				scenarios:
				  - {id: a, title: A, plan: incident-response, service: checkout, impact: minor, urgency: low,
				     targets: {acknowledge: PT5M, contain: PT30M, mitigate: PT1H}}
				  - {id: b, title: B, plan: incident-response, service: checkout, impact: minor, urgency: low,
				     targets: {acknowledge: PT5M, contain: PT30M, mitigate: PT1H}}
				  - {id: c, title: C, plan: incident-response, service: checkout, impact: minor, urgency: low,
				     targets: {acknowledge: PT5M, contain: PT30M, mitigate: PT1H}, scheduled: false}
				""");
		Instant march = Instant.parse("2026-03-02T10:00:00Z");
		Instant april = Instant.parse("2026-04-06T10:00:00Z");

		assertThat(scenarios.nextInRotation(Map.of()).orElseThrow().id()).isEqualTo("a");
		assertThat(scenarios.nextInRotation(Map.of("a", march)).orElseThrow().id()).isEqualTo("b");
		assertThat(scenarios.nextInRotation(Map.of("a", april, "b", march)).orElseThrow().id()).isEqualTo("b");
		assertThat(scenarios.nextInRotation(Map.of("a", march, "b", april)).orElseThrow().id())
			.as("c is not scheduled, however long ago").isEqualTo("a");
		assertThat(scenarios.all()).extracting(DrillScenario::scheduled).containsExactly(true, true, false);
	}

	private static DrillScenarios read(String yaml) {
		return new DrillScenarios(new ConfigFile(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)),
				"config/scenarios.yaml"), RESPONSE_PLANS, roster);
	}
}
