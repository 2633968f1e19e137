package io.firebreak.roster;

import java.time.Duration;
import java.util.Optional;

/**
 * One level of an escalation policy: who is paged ({@code target}) and how long they have to
 * acknowledge ({@code ackTimeout}, an ISO-8601 duration such as PT10M; empty: the incident
 * severity's timeout from the priority table).
 * <p>
 * Targets: {@code layer:<id>} (whoever is on call in that layer of the team), {@code person:<id>},
 * {@code manager} (the team's manager) and {@code commanders} (the commander role pool).
 */
public record EscalationLevel(String target, String ackTimeout) {

	static final String LAYER = "layer:";
	static final String PERSON = "person:";
	static final String MANAGER = "manager";
	static final String COMMANDERS = "commanders";

	public static EscalationLevel commanders() {
		return new EscalationLevel(COMMANDERS, null);
	}

	public boolean targetsCommanders() {
		return COMMANDERS.equals(target);
	}

	Optional<String> layer() {
		return suffix(LAYER);
	}

	Optional<String> person() {
		return suffix(PERSON);
	}

	boolean targetsManager() {
		return MANAGER.equals(target);
	}

	Optional<Duration> timeout() {
		return ackTimeout == null || ackTimeout.isBlank() ? Optional.empty() : Optional.of(Duration.parse(ackTimeout));
	}

	private Optional<String> suffix(String prefix) {
		return target != null && target.startsWith(prefix) ? Optional.of(target.substring(prefix.length()))
				: Optional.empty();
	}
}
