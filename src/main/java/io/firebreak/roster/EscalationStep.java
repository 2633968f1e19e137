package io.firebreak.roster;

import java.time.Duration;
import java.util.List;

/**
 * One page of an escalation as it stands at a moment: step {@code number} (0 first) pages
 * {@code people} for {@code level} (1-based) of the policy in {@code round} (1-based; a policy
 * that repeats runs more rounds). {@code ackTimeout} is null when the level takes the
 * severity's timeout. {@code last} is true for the final step: it always reaches a commander.
 */
public record EscalationStep(int number, int round, int level, String target, String description,
		List<Person> people, Duration ackTimeout, boolean last) {
}
