package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.roster.DemoRoster;
import io.firebreak.roster.Roster;
import io.firebreak.system.InvalidInput;

/** Every rule a Camunda Form can state, checked on the server and reported by the field's label. */
class FormRulesTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:15:30Z"), ZoneOffset.UTC);

	static Roster roster;

	static final String FORM = """
			{ "id": "form-every-rule", "schemaVersion": 16, "components": [
			  { "type": "text", "text": "Instructions" },
			  { "type": "textfield", "key": "title", "label": "Incident", "disabled": true },
			  { "type": "textfield", "key": "ticket", "label": "Ticket",
			    "validate": { "required": true, "minLength": 5, "maxLength": 12, "pattern": "^OPS-[0-9]+$" } },
			  { "type": "number", "key": "customersAffected", "label": "Customers affected",
			    "validate": { "min": 0, "max": 1000000 } },
			  { "type": "select", "key": "channel", "label": "Channel",
			    "values": [ { "label": "Status page", "value": "status" }, { "label": "Mail", "value": "mail" } ] },
			  { "type": "radio", "key": "region", "label": "Region",
			    "values": [ { "label": "EU", "value": "eu" }, { "label": "US", "value": "us" } ] },
			  { "type": "checklist", "key": "checks", "label": "Checks done",
			    "values": [ { "label": "Logs", "value": "logs" }, { "label": "Dashboards", "value": "dashboards" } ] },
			  { "type": "checkbox", "key": "confirmed", "label": "Confirmed", "validate": { "required": true } },
			  { "type": "textfield", "key": "contact", "label": "Contact", "validate": { "validationType": "email" } },
			  { "type": "group", "label": "People", "components": [
			    { "type": "select", "key": "owner", "label": "Owner", "valuesKey": "rosterPeople" },
			    { "type": "textfield", "key": "team", "label": "Team", "properties": { "firebreak.roster": "team" } },
			    { "type": "select", "key": "service", "label": "Service", "valuesKey": "rosterServices" },
			    { "type": "select", "key": "commander", "label": "Incident commander", "valuesKey": "rosterCommanders",
			      "properties": { "firebreak.roster": "commander" } },
			    { "type": "select", "key": "scribe", "label": "Scribe", "valuesKey": "rosterScribes" } ] }
			] }
			""";

	@BeforeAll
	static void loadRoster() throws Exception {
		roster = DemoRoster.load();
	}

	static FormRules rules() throws Exception {
		return FormRules.of(new ObjectMapper().readTree(FORM));
	}

	static Map<String, Object> valid() {
		Map<String, Object> values = new HashMap<>();
		values.put("title", "ignored: disabled fields are shown, not submitted");
		values.put("ticket", "OPS-1234");
		values.put("customersAffected", 1200);
		values.put("channel", "status");
		values.put("region", "eu");
		values.put("checks", List.of("logs", "dashboards"));
		values.put("confirmed", true);
		values.put("contact", "ops@example.com");
		values.put("owner", "ic");
		values.put("team", "platform");
		values.put("service", "checkout");
		values.put("commander", "admin");
		values.put("scribe", "oncall2");
		return values;
	}

	@Test
	void aValidSubmissionIsShownUnderItsLabelsWithOptionLabelsAndRosterNames() throws Exception {
		List<String> shown = rules().check(valid()::get, roster, CLOCK);

		assertThat(shown).containsExactly("Ticket: OPS-1234", "Customers affected: 1200", "Channel: Status page",
				"Region: EU", "Checks done: Logs, Dashboards", "Confirmed: yes", "Contact: ops@example.com",
				"Owner: " + roster.person("ic").orElseThrow().name() + " (ic)",
				"Team: " + roster.team("platform").orElseThrow().name() + " (platform)",
				"Service: " + roster.service("checkout").orElseThrow().name() + " (checkout)",
				"Incident commander: " + roster.person("admin").orElseThrow().name() + " (admin)",
				"Scribe: " + roster.person("oncall2").orElseThrow().name() + " (oncall2)");
		assertThat(rules().rosterOptions()).containsExactlyInAnyOrder(RosterKind.PERSON, RosterKind.SERVICE,
				RosterKind.TEAM, RosterKind.COMMANDER, RosterKind.SCRIBE);
	}

	@Test
	void requiredFieldsMustBeFilledAndRequiredCheckboxesTicked() throws Exception {
		assertRejected("ticket", "  ", "ticket", "Ticket is required");
		assertRejected("ticket", null, "ticket", "Ticket is required");
		assertRejected("confirmed", false, "confirmed", "Confirmed is required");
	}

	@Test
	void textLengthsAndPatterns() throws Exception {
		assertRejected("ticket", "OPS-", "ticket", "Ticket must be at least 5 characters long");
		assertRejected("ticket", "OPS-1234567890", "ticket", "Ticket is 14 characters long; at most 12 are allowed");
		assertRejected("ticket", "JIRA-12", "ticket", "Ticket must match the pattern ^OPS-[0-9]+$");
		assertRejected("contact", "not-an-address", "contact", "Contact must be an email address");
	}

	@Test
	void numberRanges() throws Exception {
		assertRejected("customersAffected", -1, "customersAffected", "Customers affected must be at least 0");
		assertRejected("customersAffected", 2_000_000, "customersAffected",
				"Customers affected must be at most 1000000");
		assertRejected("customersAffected", "many", "customersAffected", "Customers affected must be a number");
	}

	@Test
	void selectRadioAndChecklistTakeOnlyTheirOptions() throws Exception {
		assertRejected("channel", "pager", "channel", "Channel must be one of: status, mail; 'pager' is not");
		assertRejected("region", "apac", "region", "Region must be one of: eu, us; 'apac' is not");
		assertRejected("checks", List.of("logs", "traces"), "checks",
				"Checks done must be one of: logs, dashboards; 'traces' is not");
		assertRejected("channel", List.of("status", "mail"), "channel", "Channel takes one value, not a list");
	}

	@Test
	void rosterFieldsNameSomeoneOrSomethingOfTheRoster() throws Exception {
		assertRejected("owner", "mallory", "owner", "Owner must name a person of the roster; 'mallory' is not one");
		assertRejected("team", "marketing", "team", "Team must name a team of the roster; 'marketing' is not one");
		assertRejected("service", "billing", "service",
				"Service must name a service of the roster; 'billing' is not one");
	}

	@Test
	void roleFieldsTakeOnlySomeoneOfTheRolesPool() throws Exception {
		// oncall is on the roster (and may be the owner) but in neither the commander nor the scribe pool
		assertThat(roster.person("oncall")).isPresent();
		assertRejected("commander", "oncall", "commander",
				"Incident commander must be someone of the incident commander pool (ic, admin); 'oncall' is not in it");
		assertRejected("scribe", "admin", "scribe",
				"Scribe must be someone of the scribe pool (comms, oncall2, ic); 'admin' is not in it");
		assertRejected("commander", "mallory", "commander",
				"Incident commander must name a person of the roster; 'mallory' is not one");
		Map<String, Object> values = valid();
		values.put("owner", "oncall");
		assertThat(rules().check(values::get, roster, CLOCK)).contains("Owner: " + roster.person("oncall").orElseThrow().name()
				+ " (oncall)");
	}

	@Test
	void optionalFieldsLeftEmptyAreNeitherCheckedNorShown() throws Exception {
		Map<String, Object> values = valid();
		values.put("channel", "");
		values.put("checks", List.of());
		values.remove("customersAffected");

		assertThat(rules().check(values::get, roster, CLOCK)).noneMatch(line -> line.startsWith("Channel")
				|| line.startsWith("Checks done") || line.startsWith("Customers affected"));
	}

	@Test
	void aFieldWithoutALabelIsNamedByItsKey() throws Exception {
		FormRules unlabelled = FormRules.of(new ObjectMapper().readTree("""
				{ "id": "f", "components": [ { "type": "textfield", "key": "note", "validate": { "required": true } } ] }
				"""));

		assertThatThrownBy(() -> unlabelled.check(name -> null, roster, CLOCK)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("note is required");
	}

	@Test
	void aFieldRequiredForAnAudienceIsRequiredOnlyWhenTheIncidentReachesIt() throws Exception {
		FormRules update = FormRules.of(new ObjectMapper().readTree("""
				{ "id": "f", "components": [ { "type": "textarea", "key": "customerMessage", "label": "Message for customers",
				  "properties": { "firebreak.requiredFor": "customers" } } ] }
				"""));

		assertThatThrownBy(() -> update.check(name -> " ", roster, CLOCK, "customers"::equals))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> {
				assertThat(invalid.field()).isEqualTo("customerMessage");
				assertThat(invalid.getMessage()).isEqualTo("Message for customers is required: the customers audience"
						+ " hears about incidents of this severity");
			});
		assertThat(update.check(name -> null, roster, CLOCK, audience -> false)).as("a severity customers do not hear of")
			.isEmpty();
		assertThat(update.check(name -> "Payments are slow; we are on it", roster, CLOCK, "customers"::equals))
			.containsExactly("Message for customers: Payments are slow; we are on it");
	}

	private void assertRejected(String field, Object value, String expectedField, String message) throws Exception {
		Map<String, Object> values = valid();
		values.put(field, value);
		assertThatThrownBy(() -> rules().check(values::get, roster, CLOCK)).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> {
					assertThat(invalid.field()).isEqualTo(expectedField);
					assertThat(invalid.getMessage()).contains(message);
				});
	}
}
