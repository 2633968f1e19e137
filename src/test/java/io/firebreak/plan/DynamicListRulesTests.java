package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.roster.DemoRoster;
import io.firebreak.roster.Roster;
import io.firebreak.system.InvalidInput;

/** A form-js dynamic list is one input: each entry is checked with its fields' own rules. */
class DynamicListRulesTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:15:30Z"), ZoneOffset.UTC);

	static final String FORM = """
			{ "id": "form-action-items", "schemaVersion": 16, "components": [
			  { "type": "textfield", "key": "summary", "label": "Summary" },
			  { "type": "dynamiclist", "id": "List_1", "path": "actionItems", "label": "Action items",
			    "isRepeating": true, "defaultRepetitions": 1, "allowAddRemove": true,
			    "properties": { "firebreak.minItems": "1" },
			    "components": [
			      { "type": "textfield", "key": "title", "label": "Title", "validate": { "required": true, "maxLength": 30 } },
			      { "type": "select", "key": "owner", "label": "Owner", "valuesKey": "rosterPeople",
			        "validate": { "required": true } },
			      { "type": "select", "key": "kind", "label": "Kind", "values": [ { "label": "Mitigate", "value": "mitigate" },
			        { "label": "Prevent", "value": "prevent" }, { "label": "Process", "value": "process" } ] },
			      { "type": "number", "key": "priority", "label": "Priority", "validate": { "min": 1, "max": 3 } },
			      { "type": "checkbox", "key": "blocking", "label": "Blocks the release" }
			    ] }
			] }
			""";

	static Roster roster;

	@BeforeAll
	static void loadRoster() throws Exception {
		roster = DemoRoster.load();
	}

	static FormRules rules() throws Exception {
		return FormRules.of(new ObjectMapper().readTree(FORM));
	}

	static Map<String, Object> item(Object... keysAndValues) {
		Map<String, Object> item = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			item.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return item;
	}

	static List<String> check(Object actionItems) throws Exception {
		Map<String, Object> values = new HashMap<>();
		values.put("summary", "Checkout was down");
		values.put("actionItems", actionItems);
		return rules().check(values::get, roster, CLOCK);
	}

	static final List<Map<String, Object>> TWO_ITEMS = List.of(
			item("title", "Fix alerting", "owner", "oncall", "kind", "prevent", "priority", 1, "blocking", true),
			item("title", "Add runbook", "owner", "ic", "kind", "process"));

	static final String TWO_ITEMS_JSON = """
			[ { "title": "Fix alerting", "owner": "oncall", "kind": "prevent", "priority": 1, "blocking": true },
			  { "title": "Add runbook", "owner": "ic", "kind": "process" } ]
			""";

	@Test
	void aListIsOneInputShownAsItsEntriesTitles() throws Exception {
		assertThat(check(TWO_ITEMS)).containsExactly("Summary: Checkout was down",
				"Action items: 2 items (Fix alerting; Add runbook)");
	}

	@Test
	void tasklistsSpinJsonAndJsonTextAreTakenLikeAListOfMaps() throws Exception {
		assertThat(check(Spin.JSON(TWO_ITEMS_JSON))).contains("Action items: 2 items (Fix alerting; Add runbook)");
		assertThat(check(TWO_ITEMS_JSON)).contains("Action items: 2 items (Fix alerting; Add runbook)");
		assertRejected(Spin.JSON("[ { \"title\": \"Fix alerting\" } ]"), "Action items, item 1: Owner is required");
	}

	@Test
	void eachEntryIsCheckedWithItsFieldsRulesAndNamedByItsNumber() throws Exception {
		assertRejected(List.of(TWO_ITEMS.get(0), item("title", "Add runbook")), "Action items, item 2: Owner is required");
		assertRejected(List.of(item("owner", "ic", "kind", "process")), "Action items, item 1: Title is required");
		assertRejected(List.of(item("title", "x".repeat(31), "owner", "ic")),
				"Action items, item 1: Title is 31 characters long; at most 30 are allowed");
		assertRejected(List.of(TWO_ITEMS.get(0), item("title", "Add runbook", "owner", "ic", "priority", 7)),
				"Action items, item 2: Priority must be at most 3");
	}

	@Test
	void entriesTakeOnlyTheirFieldsOptionsAndPeopleOfTheRoster() throws Exception {
		assertRejected(List.of(item("title", "Fix alerting", "owner", "mallory")),
				"Action items, item 1: Owner must name a person of the roster; 'mallory' is not one");
		assertRejected(List.of(item("title", "Fix alerting", "owner", "ic", "kind", "other")),
				"Action items, item 1: Kind must be one of: mitigate, prevent, process; 'other' is not");
		assertThat(rules().rosterOptions()).as("the entries' owner select needs the roster's people")
			.containsExactly(RosterKind.PERSON);
	}

	@Test
	void entriesLeftEmptyAreIgnoredButStillCounted() throws Exception {
		Map<String, Object> blank = item("title", " ", "owner", null, "blocking", false);
		assertThat(check(List.of(Map.of(), blank, TWO_ITEMS.get(1)))).contains("Action items: 1 item (Add runbook)");
		assertRejected(List.of(Map.of(), item("title", "Add runbook")), "Action items, item 2: Owner is required");
	}

	@Test
	void minItemsCountsTheEntriesFilledIn() throws Exception {
		assertRejected(null, "Action items: add at least 1 item");
		assertRejected(List.of(), "Action items: add at least 1 item");
		assertRejected(Spin.JSON("[ { \"title\": \"\", \"blocking\": false } ]"), "Action items: add at least 1 item");
		FormRules two = FormRules.of(new ObjectMapper().readTree(FORM.replace("\"firebreak.minItems\": \"1\"",
				"\"firebreak.minItems\": \"2\"")));
		assertThatThrownBy(() -> two.check(Map.of("actionItems", List.of(TWO_ITEMS.get(0)))::get, roster, CLOCK))
			.hasMessage("Action items: add at least 2 items");
	}

	@Test
	void aListWithoutMinItemsMayStayEmpty() throws Exception {
		FormRules optional = FormRules.of(new ObjectMapper().readTree(FORM.replace("\"firebreak.minItems\": \"1\"",
				"\"other\": \"x\"")));
		assertThat(optional.check(Map.of("actionItems", List.of(Map.of()))::get, roster, CLOCK)).isEmpty();
	}

	@Test
	void aValueThatIsNoListOfEntriesIsRefused() throws Exception {
		String refused = "Action items must be a list of items, each with its own fields (a JSON array of objects)";
		assertRejected("Fix alerting", refused);
		assertRejected(Map.of("title", "Fix alerting"), refused);
		assertRejected(List.of("Fix alerting"), refused);
		assertRejected(Spin.JSON("{ \"title\": \"Fix alerting\" }"), refused);
	}

	@Test
	void minItemsMustBeAWholeNumberOfAtLeastOne() {
		for (String minItems : List.of("0", "many", "", "-1")) {
			assertThatThrownBy(() -> FormRules.of(new ObjectMapper().readTree(FORM.replace("\"firebreak.minItems\": \"1\"",
					"\"firebreak.minItems\": \"" + minItems + "\""))))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("form 'form-action-items', field 'actionItems': firebreak.minItems '" + minItems
						+ "' is not a whole number of at least 1");
		}
	}

	private static void assertRejected(Object actionItems, String message) {
		assertThatThrownBy(() -> check(actionItems)).isInstanceOfSatisfying(InvalidInput.class, invalid -> {
			assertThat(invalid.field()).isEqualTo("actionItems");
			assertThat(invalid.getMessage()).isEqualTo(message);
		});
	}
}
