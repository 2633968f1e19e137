package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import io.firebreak.roster.OwnedService;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;
import io.firebreak.roster.Team;

class AudiencesTests {

	static final Roster ROSTER = new Roster(
			List.of(new Person("ic", "Ingrid Commander", "ic@example.org", List.of("incident-commanders")),
					new Person("comms", "Cora Comms", "comms@example.org", List.of("communications")),
					new Person("oncall", "Omar Oncall", "oncall@example.org", List.of("responders"))),
			List.of(new Team("platform", "Platform", List.of("oncall"))),
			List.of(new OwnedService("checkout", "Checkout", "platform")));

	static Audiences audiences(String yaml) throws Exception {
		return new Audiences(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)), ROSTER);
	}

	@Test
	void resolvesPeopleByRoleAndKeepsDrillsToResponders() throws Exception {
		Audiences audiences = audiences("""
				audiences:
				  - id: stakeholders
				    name: Stakeholders
				    roles: [incident-commanders, communications]
				    chat:
				      - {name: incidents, type: slack, url: "https://chat.example/hook", drills: false}
				""");

		assertThat(audiences.emailsOf("stakeholders", false)).containsExactly("ic@example.org", "comms@example.org");
		assertThat(audiences.emailsOf("stakeholders", true)).containsExactly("ic@example.org");
		assertThat(new NotificationTargets(audiences).forAudience("stakeholders", false))
			.containsExactly("email", "SLACK:incidents");
		assertThat(new NotificationTargets(audiences).forAudience("stakeholders", true)).containsExactly("email");
	}

	@Test
	void refusesToStartWithMistakesNamingTheAudienceAndField() {
		assertThatThrownBy(() -> audiences("""
				audiences:
				  - id: stakeholders
				    name: Stakeholders
				    roles: [bosses]
				    people: [nobody]
				    types: [breach]
				    chat:
				      - {name: incidents, type: teams, url: "not a url"}
				"""))
			.hasMessageContaining("audience 'stakeholders': types names 'breach', which is not one of [operational, security]")
			.hasMessageContaining("audience 'stakeholders': roles names 'bosses'")
			.hasMessageContaining("audience 'stakeholders': people names 'nobody', who is not in the roster")
			.hasMessageContaining("audience 'stakeholders': chat 'incidents' needs an http(s) webhook url");
	}

	@Test
	void severitiesChooseTheAudiencesAndDrillsReachNoListExecutiveOrCustomer() throws Exception {
		Audiences audiences = audiences("""
				audiences:
				  - id: responders
				    name: Responders
				    roles: [responders]
				  - id: stakeholders
				    name: Internal stakeholders
				    roles: [incident-commanders]
				    mail: [incidents@example.org]
				    severities: [SEV1, SEV2, SEV3]
				  - id: executives
				    name: Executives
				    mail: [leadership@example.org]
				    severities: [SEV1, SEV2]
				    receives: executive
				  - id: customers
				    name: Customers
				    mail: [subscribers@example.org]
				    severities: [SEV1]
				    receives: customer
				  - id: security-team
				    name: Security team
				    roles: [security-team]
				    types: [security]
				""");

		assertThat(audiences.reachedBy("SEV1", "operational", false)).extracting(Audience::id)
			.containsExactly("responders", "stakeholders", "executives", "customers");
		assertThat(audiences.reachedBy("SEV3", "operational", false)).extracting(Audience::id).containsExactly("responders", "stakeholders");
		assertThat(audiences.reachedBy("SEV1", "operational", true)).extracting(Audience::id).containsExactly("responders", "stakeholders");
		assertThat(audiences.reachedBy("SEV3", "security", false)).as("an audience of security incidents only")
			.extracting(Audience::id).containsExactly("responders", "stakeholders", "security-team");
		assertThat(audiences.reaches("security-team", "SEV1", "operational", false)).isFalse();
		assertThat(audiences.require("customers").receives()).isEqualTo(Audience.Part.CUSTOMER);
		assertThat(audiences.reaches("customers", "SEV1", "operational", false)).isTrue();
		assertThat(audiences.reaches("customers", "SEV2", "operational", false)).isFalse();
		assertThat(audiences.emailsOf("stakeholders", false)).containsExactly("ic@example.org", "incidents@example.org");
		assertThat(audiences.emailsOf("stakeholders", true)).as("a list reaches people outside the roster")
			.containsExactly("ic@example.org");
	}

	@Test
	void refusesAnUnknownSeverityAndAListThatIsNoAddress() {
		assertThatThrownBy(() -> audiences("""
				audiences:
				  - id: executives
				    name: Executives
				    mail: [leadership]
				    severities: [SEV0]
				    receives: executive
				"""))
			.hasMessageContaining("audience 'executives': severities names 'SEV0', which is not one of [SEV1, SEV2, SEV3, SEV4]")
			.hasMessageContaining("audience 'executives': mail 'leadership' is not an address");
	}
}
