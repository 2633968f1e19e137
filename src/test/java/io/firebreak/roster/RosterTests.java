package io.firebreak.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.firebreak.system.InvalidInput;

class RosterTests {

	static final Person OMAR = new Person("oncall", "Omar Oncall", "oncall@example.org", List.of("responders"));
	static final Person OLIVIA = new Person("oncall2", "Olivia Secondary", "oncall2@example.org", List.of("responders"));
	static final Team PLATFORM = new Team("platform", "Platform", List.of("oncall", "oncall2"));
	static final OwnedService CHECKOUT = new OwnedService("checkout", "Checkout", "platform");

	@Test
	void findsTheEscalationChainOfTheServicesTeam() {
		Roster roster = new Roster(List.of(OMAR, OLIVIA), List.of(PLATFORM), List.of(CHECKOUT));

		Instant now = Instant.parse("2026-06-10T12:00:00Z");
		assertThat(roster.onCallFor("checkout", now)).extracting(Person::id).containsExactly("oncall", "oncall2");
		assertThatThrownBy(() -> roster.onCallFor("billing", now)).isInstanceOf(InvalidInput.class)
			.hasMessage("service must be one of checkout (was 'billing')");
	}

	@Test
	void refusesToStartWithMistakesNamingThePersonAndField() {
		Person badMail = new Person("omar", "Omar", "omar-at-example", List.of("responders"));
		Person badGroup = new Person("ola", "Ola", "ola@example.org", List.of("heroes"));
		Team ghosts = new Team("ghosts", "Ghosts", List.of("casper"));
		OwnedService orphan = new OwnedService("billing", "Billing", "finance");

		assertThatThrownBy(() -> new Roster(List.of(badMail, badGroup), List.of(ghosts), List.of(orphan)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("config/roster.yaml: people[omar].email: 'omar-at-example' is not an address")
			.hasMessageContaining("config/roster.yaml: people[ola].groups: 'heroes' is not one of")
			.hasMessageContaining("config/roster.yaml: teams[ghosts].layers[level-1].members: 'casper' is not in people")
			.hasMessageContaining("config/services.yaml: services[billing].team: 'finance' is not a team of config/roster.yaml");
	}

	@Test
	void refusesAShortIntegrationKeyAndATriageServiceItDoesNotHave() {
		OwnedService guessable = new OwnedService("checkout", "Checkout", "platform", null, null, List.of("1234"));

		assertThatThrownBy(() -> new Roster(List.of(OMAR), List.of(PLATFORM), List.of(guessable), "triage"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("config/services.yaml: services[checkout].integrationKeys: a key is shorter than 16 characters")
			.hasMessageContaining("config/services.yaml: triageService: 'triage' is not one of the services")
			.hasMessageNotContaining("1234");
	}

	@Test
	void theDemoServicesTakeAlertsAndSendUnknownOnesToTriage() throws Exception {
		Roster demo = DemoRoster.load();

		assertThat(demo.triageService()).map(OwnedService::team).hasValue("platform");
		assertThat(demo.service("checkout")).map(OwnedService::defaultImpact).hasValue("significant");
		assertThat(demo.service("checkout").orElseThrow().integrationKeys()).containsExactly("firebreak-demo-key");
		assertThat(demo.service("checkout").orElseThrow().toString()).doesNotContain("firebreak-demo-key");
	}

	@Test
	void refusesDuplicatePeople() {
		assertThatThrownBy(() -> new Roster(List.of(OMAR, OMAR), List.of(), List.of()))
			.hasMessageContaining("config/roster.yaml: people: 'oncall' is listed twice");
	}

	@Test
	void theDemoRosterFileIsValidAndHasTheBriefsPeople() throws Exception {
		Roster demo = DemoRoster.load();
		Instant anOrdinaryDay = Instant.parse("2026-06-10T12:00:00Z");

		assertThat(demo.people()).extracting(Person::id)
			.containsExactlyInAnyOrder("admin", "ic", "oncall", "oncall2", "comms", "security", "auditor", "author");
		// primary, secondary, the manager (ic), then the commanders' pool (ic again, then admin)
		assertThat(demo.onCallFor("payments", anOrdinaryDay)).extracting(Person::id)
			.containsExactly("oncall", "oncall2", "ic", "admin");
		// security's manager is admin, and the commanders (ic, admin) come last
		assertThat(demo.onCallFor("identity", anOrdinaryDay)).extracting(Person::id)
			.containsExactly("security", "admin", "ic");
	}
}
