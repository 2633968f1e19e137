package io.firebreak.audit;

import java.util.Date;

import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** A variable's value as an auditor reads it: as stored, objects in their serialised form, cut at a length. */
final class VariableText {

	static final int LONGEST = 2000;

	private VariableText() {
	}

	static String of(HistoricVariableUpdate update) {
		if (update.getErrorMessage() != null) {
			return "(unreadable: " + update.getErrorMessage() + ")";
		}
		return of(update.getTypedValue());
	}

	static String of(TypedValue value) {
		if (value == null || value.getValue() == null && !(value instanceof ObjectValue)) {
			return "null";
		}
		String text;
		if (value instanceof ObjectValue object && !object.isDeserialized()) {
			text = object.getValueSerialized();
		}
		else if (value.getValue() instanceof Date date) {
			text = date.toInstant().toString();
		}
		else {
			text = String.valueOf(value.getValue());
		}
		if (text == null) {
			return "null";
		}
		return text.length() <= LONGEST ? text : text.substring(0, LONGEST) + "… (" + text.length() + " characters)";
	}
}
