package io.firebreak.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

		assertThat(roster.onCallFor("checkout")).extracting(Person::id).containsExactly("oncall", "oncall2");
		assertThatThrownBy(() -> roster.onCallFor("billing")).isInstanceOf(InvalidInput.class)
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
			.hasMessageContaining("person 'omar': email 'omar-at-example' is not an address")
			.hasMessageContaining("person 'ola': group 'heroes' is not one of")
			.hasMessageContaining("team 'ghosts': onCall names 'casper', who is not in the roster")
			.hasMessageContaining("service 'billing': team 'finance' is not in the roster");
	}

	@Test
	void refusesAShortIntegrationKeyAndATriageServiceItDoesNotHave() {
		OwnedService guessable = new OwnedService("checkout", "Checkout", "platform", null, null, List.of("1234"));

		assertThatThrownBy(() -> new Roster(List.of(OMAR), List.of(PLATFORM), List.of(guessable), "triage"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("service 'checkout': an integration key is shorter than 16 characters")
			.hasMessageContaining("triageService 'triage' is not one of the services")
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
			.hasMessageContaining("'oncall' twice");
	}

	@Test
	void theDemoRosterFileIsValidAndHasTheBriefsPeople() throws Exception {
		Roster demo = DemoRoster.load();

		assertThat(demo.people()).extracting(Person::id)
			.containsExactlyInAnyOrder("admin", "ic", "oncall", "oncall2", "comms", "security", "auditor", "author");
		assertThat(demo.onCallFor("payments")).extracting(Person::id).containsExactly("oncall", "oncall2");
		assertThat(demo.onCallFor("identity")).extracting(Person::id).containsExactly("security");
	}
}
