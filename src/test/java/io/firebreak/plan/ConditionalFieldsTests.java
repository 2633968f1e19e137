package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.roster.DemoRoster;
import io.firebreak.roster.Roster;
import io.firebreak.system.InvalidInput;

/** form-js {@code conditional.hide}, evaluated with FEEL on the server: a hidden field is neither required nor checked. */
class ConditionalFieldsTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:15:30Z"), ZoneOffset.UTC);

	static final String FORM = """
			{ "id": "form-review", "schemaVersion": 16, "components": [
			  { "type": "checkbox", "key": "noActionItemsNeeded", "label": "No action items needed" },
			  { "type": "textarea", "key": "noActionItemsReason", "label": "Why none are needed",
			    "validate": { "required": true, "maxLength": 200 }, "conditional": { "hide": "=not(noActionItemsNeeded)" } },
			  { "type": "textarea", "key": "noActionItemsNote", "label": "Note",
			    "validate": { "required": true }, "conditional": { "hide": "=noActionItemsNeeded != true" } },
			  { "type": "dynamiclist", "path": "actionItems", "label": "Action items", "isRepeating": true,
			    "properties": { "firebreak.minItems": "1" }, "conditional": { "hide": "=noActionItemsNeeded = true" },
			    "components": [
			      { "type": "textfield", "key": "title", "label": "Title", "validate": { "required": true } },
			      { "type": "select", "key": "kind", "label": "Kind", "values": [ { "label": "Prevent", "value": "prevent" },
			        { "label": "Process", "value": "process" } ] },
			      { "type": "textfield", "key": "process", "label": "Process changed", "validate": { "required": true },
			        "conditional": { "hide": "=kind != \\"process\\"" } } ] },
			  { "type": "group", "label": "Customer impact", "conditional": { "hide": "=severity = \\"SEV4\\"" }, "components": [
			    { "type": "textfield", "key": "customersAffected", "label": "Customers affected", "validate": { "required": true } },
			    { "type": "textfield", "key": "customerNote", "label": "Customer note", "validate": { "required": true },
			      "conditional": { "hide": "=customersAffected = \\"none\\"" } } ] },
			  { "type": "textfield", "key": "broken", "label": "Broken condition", "validate": { "required": true },
			    "conditional": { "hide": "=this is ( not FEEL" } }
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

	/** A valid submission with action items, of a SEV4 incident; process variables among the values. */
	static Map<String, Object> withActionItems() {
		Map<String, Object> values = new HashMap<>();
		values.put("severity", "SEV4");
		values.put("broken", "filled in");
		values.put("actionItems", List.of(Map.of("title", "Fix alerting", "kind", "prevent")));
		return values;
	}

	/** Tasklist's submission when the box is ticked: the list's hidden entries are not sent. */
	static Map<String, Object> noActionItems() {
		Map<String, Object> values = withActionItems();
		values.remove("actionItems");
		values.put("noActionItemsNeeded", true);
		values.put("noActionItemsReason", "A vendor outage; nothing of ours to change");
		values.put("noActionItemsNote", "Agreed in the review");
		return values;
	}

	@Test
	void aFieldHiddenByItsConditionIsNeitherRequiredNorCheckedNorShown() throws Exception {
		Map<String, Object> values = withActionItems();
		values.put("noActionItemsNeeded", false);
		values.put("noActionItemsReason", "x".repeat(500));
		assertThat(rules().check(values::get, roster, CLOCK)).containsExactly("No action items needed: no",
				"Action items: 1 item (Fix alerting)", "Broken condition: filled in");
	}

	@Test
	void conditionsOnACheckboxNobodySentTakeItAsUnticked() throws Exception {
		// not(null) is null in FEEL, which would show the reason; form-js starts a checkbox as false
		Map<String, Object> values = withActionItems();
		assertThat(values).doesNotContainKey("noActionItemsNeeded");
		assertThat(rules().check(values::get, roster, CLOCK)).noneMatch(line -> line.startsWith("Why none")
				|| line.startsWith("Note"));
	}

	@Test
	void aFieldShownByItsConditionIsRequired() throws Exception {
		Map<String, Object> values = noActionItems();
		assertThat(rules().check(values::get, roster, CLOCK)).containsExactly("No action items needed: yes",
				"Why none are needed: A vendor outage; nothing of ours to change", "Note: Agreed in the review",
				"Broken condition: filled in");
		values.remove("noActionItemsReason");
		assertRejected(values, "noActionItemsReason", "Why none are needed is required");
		values = noActionItems();
		values.put("noActionItemsNote", " ");
		assertRejected(values, "noActionItemsNote", "Note is required");
	}

	@Test
	void aHiddenDynamicListNeedsNoItems() throws Exception {
		assertThat(rules().check(noActionItems()::get, roster, CLOCK)).noneMatch(line -> line.startsWith("Action items"));
		Map<String, Object> values = withActionItems();
		values.remove("actionItems");
		assertRejected(values, "actionItems", "Action items: add at least 1 item");
	}

	@Test
	void conditionsInsideAnEntrySeeTheEntrysFields() throws Exception {
		Map<String, Object> values = withActionItems();
		values.put("actionItems", Spin.JSON("""
				[ { "title": "Fix alerting", "kind": "prevent" }, { "title": "Review paging", "kind": "process" } ]"""));
		assertRejected(values, "actionItems", "Action items, item 2: Process changed is required");
	}

	@Test
	void aHiddenGroupHidesItsFieldsAndConditionsSeeProcessVariables() throws Exception {
		Map<String, Object> values = withActionItems();
		assertThat(rules().check(values::get, roster, CLOCK)).noneMatch(line -> line.startsWith("Customer"));
		values.put("severity", "SEV1");
		assertRejected(values, "customersAffected", "Customers affected is required");
		values.put("customersAffected", "none");
		assertThat(rules().check(values::get, roster, CLOCK)).contains("Customers affected: none")
			.noneMatch(line -> line.startsWith("Customer note"));
		values.put("customersAffected", "about 200");
		assertRejected(values, "customerNote", "Customer note is required");
	}

	@Test
	void aConditionThatCannotBeEvaluatedHidesNothing() throws Exception {
		Map<String, Object> values = withActionItems();
		values.remove("broken");
		assertRejected(values, "broken", "Broken condition is required");
	}

	@Test
	void conditionsAreParsedOnceWhenTheFormIsReadNotAtEachSubmission() throws Exception {
		long before = FormCondition.parsed();
		FormRules rules = rules();
		assertThat(FormCondition.parsed() - before).as("seven distinct expressions").isEqualTo(7);
		FormRules twice = FormRules.of(new ObjectMapper().readTree(FORM.replace("=noActionItemsNeeded != true",
				"=not(noActionItemsNeeded)")));
		assertThat(twice.fields().get(1).hiddenWhen()).containsExactlyElementsOf(twice.fields().get(2).hiddenWhen());
		long read = FormCondition.parsed();
		for (int i = 0; i < 100; i++) {
			rules.check(noActionItems()::get, roster, CLOCK);
			rules.check(withActionItems()::get, roster, CLOCK);
		}
		assertThat(FormCondition.parsed()).isEqualTo(read);
	}

	private static void assertRejected(Map<String, Object> values, String field, String message) {
		assertThatThrownBy(() -> rules().check(values::get, roster, CLOCK)).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> {
					assertThat(invalid.field()).isEqualTo(field);
					assertThat(invalid.getMessage()).isEqualTo(message);
				});
	}
}
