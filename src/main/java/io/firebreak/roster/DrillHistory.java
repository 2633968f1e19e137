package io.firebreak.roster;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.Authentication;

/**
 * When people last took part in a drill, for the roster page. The drills feature answers it; the
 * roster only asks, so that it needs to know nothing of drills.
 */
public interface DrillHistory {

	/**
	 * The last drill of each of {@code people} who ever took part in one, of the drills
	 * {@code viewer} may know of (a security incident's drill is need-to-know, like the incident).
	 */
	Map<String, Instant> lastDrilled(Collection<String> people, Authentication viewer);
}
