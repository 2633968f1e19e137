package io.firebreak.drill;

import java.util.ArrayList;
import java.util.List;

/** The roles a person held in an incident, as the training record and the scorecard name them. */
final class DrillRoles {

	static final String COMMANDER = "commander";
	static final String COMMUNICATIONS_LEAD = "communications lead";
	static final String SCRIBE = "scribe";
	static final String RESPONDER = "responder";
	/** Worked a step of the plan without holding one of the roles. */
	static final String TOOK_PART = "took part";

	private DrillRoles() {
	}

	/** The roles {@code person} held, from the incident's role holders; the responder is who acknowledged the page. */
	static List<String> held(String person, String commander, String communicationsLead, String scribe,
			String acknowledgedBy) {
		List<String> roles = new ArrayList<>();
		if (person.equals(commander)) {
			roles.add(COMMANDER);
		}
		if (person.equals(communicationsLead)) {
			roles.add(COMMUNICATIONS_LEAD);
		}
		if (person.equals(scribe)) {
			roles.add(SCRIBE);
		}
		if (person.equals(acknowledgedBy)) {
			roles.add(RESPONDER);
		}
		return roles;
	}
}
