package io.firebreak.roster;

import java.util.List;

/**
 * How a team's page escalates: its levels in order, run once and then {@code repeat} more times.
 * A team without a policy pages its layers in order, once.
 */
public record EscalationPolicy(Integer repeat, List<EscalationLevel> levels) {

	public EscalationPolicy {
		repeat = repeat == null ? 0 : repeat;
		levels = levels == null ? List.of() : List.copyOf(levels);
	}
}
