package io.firebreak.postmortem;

import io.firebreak.plan.SubmittedValues;
import static io.firebreak.postmortem.PostmortemVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The review's action items as {@link ActionItem#fromJson} reads them, whichever way they came. */
final class ActionItemSlots {

	private ActionItemSlots() {
	}

	/**
	 * The action items as a JSON list: {@code actionItems} when a client sent one, else the review
	 * form's filled slots ({@code actionItem1Title}, {@code actionItem1Owner}, ...), in order.
	 */
	static String json(Function<String, Object> variables) {
		Object list = variables.apply(ACTION_ITEMS);
		if (list != null) {
			return SubmittedValues.jsonText(list);
		}
		List<Map<String, Object>> slots = new ArrayList<>();
		for (int n = 1; n <= ACTION_ITEM_SLOTS; n++) {
			Object title = variables.apply(slot(n, "title"));
			if (title == null || title.toString().isBlank()) {
				continue;
			}
			Map<String, Object> item = new LinkedHashMap<>();
			for (String field : ACTION_ITEM_FIELDS) {
				item.put(field, variables.apply(slot(n, field)));
			}
			slots.add(item);
		}
		return SubmittedValues.jsonText(slots);
	}
}
