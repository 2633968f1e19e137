package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.roster.DemoRoster;
import io.firebreak.roster.Role;
import io.firebreak.roster.Roster;

/** A role's select offers the role's pool from roster.yaml, in its order, and nobody else. */
class RosterOptionsTests {

	static Roster roster;

	@BeforeAll
	static void loadRoster() throws Exception {
		roster = DemoRoster.load();
	}

	@Test
	void eachRoleOffersItsPool() throws Exception {
		RosterOptions options = new RosterOptions(roster);

		assertThat(values(options, RosterKind.COMMANDER)).containsExactly("ic", "admin");
		assertThat(values(options, RosterKind.COMMUNICATIONS_LEAD)).containsExactly("comms", "ic");
		assertThat(values(options, RosterKind.SCRIBE)).containsExactly("comms", "oncall2", "ic");
		assertThat(values(options, RosterKind.PERSON)).contains("oncall", "auditor").hasSize(roster.people().size());
		assertThat(labels(options, RosterKind.COMMANDER)).containsExactly("Ingrid Commander (ic)", "Ada Admin (admin)");
	}

	@Test
	void roleKindsAreNamedByTheRoleVariableAndHaveValuesKeysOfTheirOwn() {
		assertThat(RosterKind.ofProperty("commander")).contains(RosterKind.COMMANDER);
		assertThat(RosterKind.ofProperty("communicationsLead")).contains(RosterKind.COMMUNICATIONS_LEAD);
		assertThat(RosterKind.ofProperty("scribe")).contains(RosterKind.SCRIBE);
		assertThat(RosterKind.ofValuesKey("rosterCommunicationsLeads")).contains(RosterKind.COMMUNICATIONS_LEAD);
		assertThat(RosterKind.COMMANDER.role()).contains(Role.COMMANDER);
		assertThat(RosterKind.PERSON.role()).isEmpty();
		assertThat(RosterKind.ofProperty("person")).contains(RosterKind.PERSON);
	}

	private static List<String> values(RosterOptions options, RosterKind kind) throws Exception {
		return options(options, kind).stream().map(option -> option.get("value")).toList();
	}

	private static List<String> labels(RosterOptions options, RosterKind kind) throws Exception {
		return options(options, kind).stream().map(option -> option.get("label")).toList();
	}

	private static List<Map<String, String>> options(RosterOptions options, RosterKind kind) throws Exception {
		return new ObjectMapper().readValue(options.json(kind), new TypeReference<>() {
		});
	}
}
