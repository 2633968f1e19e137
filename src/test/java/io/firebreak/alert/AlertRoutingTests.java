package io.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import io.firebreak.incident.Urgency;
import io.firebreak.roster.DemoRoster;
import io.firebreak.roster.OwnedService;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;
import io.firebreak.roster.Team;

/** Which service an alert belongs to, how urgent it is, and what a sender must authenticate with. */
class AlertRoutingTests {

	static final String SHARED = "shared-key-of-the-platform-team";
	static final String PAYMENTS_ONLY = "key-of-payments-alone-0001";
	static final Person OMAR = new Person("oncall", "Omar", "oncall@example.org", List.of("responders"));
	static final Team PLATFORM = new Team("platform", "Platform", List.of("oncall"));

	final AlertRouting routing = new AlertRouting(new Roster(List.of(OMAR), List.of(PLATFORM), List.of(
			new OwnedService("checkout", "Checkout", "platform", "significant", null, List.of(SHARED)),
			new OwnedService("payments", "Payments", "platform", "extensive", null, List.of(SHARED, PAYMENTS_ONLY)),
			new OwnedService("triage", "Triage", "platform")), "triage"));

	@Test
	void aSharedKeyRoutesByTheAlertsServiceAndUnknownServicesToTriage() {
		assertThat(routing.route(SHARED, List.of("checkout")).id()).isEqualTo("checkout");
		assertThat(routing.route(SHARED, List.of("PAYMENTS")).id()).isEqualTo("payments");
		assertThat(routing.route(SHARED, List.of("Grafana", "payments")).id()).as("the first hint that names one")
			.isEqualTo("payments");
		assertThat(routing.route(SHARED, List.of("billing")).id()).isEqualTo("triage");
		assertThat(routing.route(SHARED, List.of()).id()).isEqualTo("triage");
	}

	@Test
	void aKeyOfOneServiceRoutesEverythingToIt() {
		assertThat(routing.route(PAYMENTS_ONLY, List.of("checkout")).id()).isEqualTo("payments");
		assertThat(routing.route(" " + PAYMENTS_ONLY + " ", List.of()).id()).isEqualTo("payments");
	}

	@Test
	void aKeyOfNoServiceIsRefusedWithoutSayingWhich() {
		assertThatThrownBy(() -> routing.route("firebreak-demo-key", List.of("checkout")))
			.isInstanceOf(UnknownIntegrationKey.class)
			.hasMessageNotContaining("firebreak-demo-key");
		assertThatThrownBy(() -> routing.requireKnown(null)).isInstanceOf(UnknownIntegrationKey.class);
		assertThatThrownBy(() -> routing.requireKnown("")).isInstanceOf(UnknownIntegrationKey.class);
	}

	@Test
	void refusesToStartWithAnImpactOrPlanItDoesNotKnow() {
		Roster roster = new Roster(List.of(OMAR), List.of(PLATFORM), List.of(
				new OwnedService("checkout", "Checkout", "platform", "huge", "fun", List.of(SHARED))), null);

		assertThatThrownBy(() -> new AlertRouting(roster)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("service 'checkout': defaultImpact must be one of extensive, significant, moderate, minor (was 'huge')")
			.hasMessageContaining("service 'checkout': incidentType must be one of operational, security (was 'fun')")
			.hasMessageContaining("need a triageService");
	}

	@Test
	void theDemoServicesTakeTheDemoKeyAndRouteByService() throws Exception {
		Roster demo = DemoRoster.load();
		AlertRouting demoRouting = new AlertRouting(demo);

		assertThat(demoRouting.route(AlertFixtures.DEMO_KEY, List.of("identity")))
			.satisfies(service -> {
				assertThat(service.team()).isEqualTo("security");
				assertThat(service.incidentType()).isEqualTo("security");
			});
		assertThat(demoRouting.route(AlertFixtures.DEMO_KEY, List.of("billing")).id()).isEqualTo("triage");
		assertThat(demo.services().toString()).doesNotContain(AlertFixtures.DEMO_KEY).contains("1 hidden");
	}

	@Test
	void anAlertsSeverityGivesTheUrgencyOfThePreAssessment() {
		assertThat(AlertUrgency.of("critical")).isEqualTo(Urgency.CRITICAL);
		assertThat(AlertUrgency.of("page")).isEqualTo(Urgency.CRITICAL);
		assertThat(AlertUrgency.of("error")).isEqualTo(Urgency.HIGH);
		assertThat(AlertUrgency.of(" Warning ")).isEqualTo(Urgency.MEDIUM);
		assertThat(AlertUrgency.of("info")).isEqualTo(Urgency.LOW);
		assertThat(AlertUrgency.of("P1")).isEqualTo(Urgency.CRITICAL);
		assertThat(AlertUrgency.of("whatever")).isEqualTo(Urgency.MEDIUM);
		assertThat(AlertUrgency.of(null)).isEqualTo(Urgency.MEDIUM);
	}
}
