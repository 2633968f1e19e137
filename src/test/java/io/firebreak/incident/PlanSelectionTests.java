package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firebreak.roster.DemoRoster;
import io.firebreak.roster.OwnedService;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;
import io.firebreak.roster.Team;

class PlanSelectionTests {

	static final Person OMAR = new Person("oncall", "Omar Oncall", "oncall@example.org", List.of("responders"));
	static final Team PLATFORM = new Team("platform", "Platform", List.of("oncall"));

	@Test
	void withoutPlansEveryIncidentRunsTheMainPlan() {
		PlanSelection selection = new PlanSelection(roster(null, service("checkout", null)));

		assertThat(selection.planFor("checkout", IncidentType.OPERATIONAL)).isEqualTo("incident-response");
		assertThat(selection.planFor("checkout", IncidentType.SECURITY)).isEqualTo("incident-response");
		assertThat(selection.configuredPlans()).containsExactly("incident-response");
	}

	@Test
	void theTypeChoosesItsPlanAndOtherTypesRunTheDefault() {
		PlanSelection selection = new PlanSelection(roster(Map.of("default", "main", "security", "security-incident"),
				service("checkout", null)));

		assertThat(selection.planFor("checkout", IncidentType.OPERATIONAL)).isEqualTo("main");
		assertThat(selection.planFor("checkout", IncidentType.SECURITY)).isEqualTo("security-incident");
	}

	@Test
	void aServiceOverridesTheDefaultButATypesPlanOnlyWhenItNamesThatType() {
		PlanSelection selection = new PlanSelection(roster(Map.of("default", "main", "security", "security-incident"),
				service("checkout", null), service("payments", Map.of("default", "payments-response")),
				service("identity", Map.of("security", "identity-breach"))));

		assertThat(selection.planFor("checkout", IncidentType.OPERATIONAL)).isEqualTo("main");
		assertThat(selection.planFor("payments", IncidentType.OPERATIONAL)).isEqualTo("payments-response");
		assertThat(selection.planFor("payments", IncidentType.SECURITY)).as("a type's plan outranks a service default")
			.isEqualTo("security-incident");
		assertThat(selection.planFor("identity", IncidentType.SECURITY)).isEqualTo("identity-breach");
		assertThat(selection.planFor("identity", IncidentType.OPERATIONAL)).isEqualTo("main");
		assertThat(selection.configuredPlans())
			.containsExactlyInAnyOrder("main", "security-incident", "payments-response", "identity-breach");
	}

	@Test
	void aPlanKeyThatIsNoProcessIdStopsStartUpNamingItsPlaceInTheYaml() {
		assertThatThrownBy(() -> roster(Map.of("default", "incident response"),
				service("payments", Map.of("security", "1st-plan"))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("plans.default: 'incident response' is not a process id")
			.hasMessageContaining("services[payments].plans.security: '1st-plan' is not a process id");
		java.util.Map<String, String> empty = new java.util.HashMap<>();
		empty.put("security", null);
		assertThatThrownBy(() -> roster(empty)).hasMessageContaining("plans.security: 'null' is not a process id");
	}

	@Test
	void anUnknownIncidentTypeStopsStartUpNamingItsPlaceInTheYaml() {
		Roster roster = roster(Map.of("securty", "security-incident"), service("payments", Map.of("outage", "x")));

		assertThatThrownBy(() -> new PlanSelection(roster)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("plans.securty: 'securty' is not an incident type; use default or one of "
					+ "[operational, security]")
			.hasMessageContaining("services[payments].plans.outage: 'outage' is not an incident type");
	}

	@Test
	void theDemoServicesRunTheSecurityPlanForSecurityIncidentsOnEveryService() throws Exception {
		PlanSelection demo = new PlanSelection(DemoRoster.load());

		assertThat(demo.planFor("checkout", IncidentType.OPERATIONAL)).isEqualTo("incident-response");
		assertThat(demo.planFor("identity", IncidentType.SECURITY)).isEqualTo("security-incident");
		assertThat(demo.planFor("checkout", IncidentType.SECURITY)).isEqualTo("security-incident");
		assertThat(demo.planFor("payment-gateway", IncidentType.SECURITY)).as("the type's plan outranks a service's default")
			.isEqualTo("security-incident");
	}

	@Test
	void aPlanNamedForSecurityIncidentsMayNotRunOtherIncidentsToo() {
		Roster roster = roster(Map.of("default", "incident-response", "security", "incident-response"),
				service("payments", Map.of("security", "payments-response", "default", "payments-response")));

		assertThatThrownBy(() -> new PlanSelection(roster)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("plans.security: 'incident-response' runs operational incidents too; security"
					+ " incidents need a plan of their own, kept need-to-know")
			.hasMessageContaining("services[payments].plans.security: 'payments-response' runs operational incidents too");
	}

	private static Roster roster(Map<String, String> plans, OwnedService... services) {
		return new Roster(List.of(OMAR), List.of(PLATFORM), List.of(services), null, plans);
	}

	private static OwnedService service(String id, Map<String, String> plans) {
		return new OwnedService(id, id, "platform", null, null, null, plans);
	}
}
