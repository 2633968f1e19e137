package io.firebreak.roster;

import java.util.List;

/** A team and its escalation chain: the first person is primary on-call, then the next, and so on. */
public record Team(String id, String name, List<String> onCall) {

	public Team {
		onCall = onCall == null ? List.of() : List.copyOf(onCall);
	}
}
