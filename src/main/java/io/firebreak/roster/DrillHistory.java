package io.firebreak.roster;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * When people last took part in a drill, for the roster page. The drills feature answers it; the
 * roster only asks, so that it needs to know nothing of drills.
 */
public interface DrillHistory {

	/** The last drill of each of {@code people} who ever took part in one. */
	Map<String, Instant> lastDrilled(Collection<String> people);
}
