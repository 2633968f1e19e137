package io.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ActionItemSlotsTests {

	@Test
	void readsTheFilledSlotsInOrderAndSkipsThoseWithoutATitle() {
		Map<String, Object> variables = new HashMap<>(Map.of("actionItem1Title", "Canary config", "actionItem1Type",
				"prevent", "actionItem1Owner", "oncall2", "actionItem1DueDate", "2026-12-13", "actionItem1Priority", "high",
				"actionItem2Title", " ", "actionItem2Owner", "left over from a round before"));
		variables.putAll(Map.of("actionItem3Title", "Runbook", "actionItem3Type", "process", "actionItem3Owner", "ic",
				"actionItem3DueDate", "2026-12-20", "actionItem3Priority", "low"));

		List<ActionItem> items = ActionItem.fromJson("INC-2026-0001", ActionItemSlots.json(variables::get));

		assertThat(items).extracting(ActionItem::title, ActionItem::owner, ActionItem::position)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Canary config", "oncall2", 1),
					org.assertj.core.groups.Tuple.tuple("Runbook", "ic", 2));
	}

	@Test
	void aListSentByAnApiClientComesFirst() {
		Map<String, Object> variables = Map.of("actionItems", List.of(Map.of("title", "From the API", "type", "mitigate",
				"owner", "ic", "dueDate", "2026-12-13", "priority", "medium")), "actionItem1Title", "From the form");

		assertThat(ActionItem.fromJson("INC-2026-0001", ActionItemSlots.json(variables::get)))
			.extracting(ActionItem::title).containsExactly("From the API");
	}

	@Test
	void noFilledSlotIsNoItems() {
		assertThat(ActionItem.fromJson("INC-2026-0001", ActionItemSlots.json(name -> null))).isEmpty();
	}
}
