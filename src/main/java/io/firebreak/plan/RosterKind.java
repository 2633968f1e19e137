package io.firebreak.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a form field names from the roster. A field is one when its custom property
 * {@code firebreak.roster} says so, or when its options come from the roster's {@code valuesKey}.
 */
enum RosterKind {

	PERSON("rosterPeople"), TEAM("rosterTeams"), SERVICE("rosterServices");

	static final String PROPERTY = "firebreak.roster";

	/** The variable holding this kind's options, for a select's {@code valuesKey}. */
	private final String valuesKey;

	RosterKind(String valuesKey) {
		this.valuesKey = valuesKey;
	}

	String valuesKey() {
		return valuesKey;
	}

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<RosterKind> ofProperty(String value) {
		return Arrays.stream(values()).filter(kind -> kind.value().equals(value)).findFirst();
	}

	static Optional<RosterKind> ofValuesKey(String valuesKey) {
		return Arrays.stream(values()).filter(kind -> kind.valuesKey.equals(valuesKey)).findFirst();
	}
}
