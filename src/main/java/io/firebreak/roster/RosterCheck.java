package io.firebreak.roster;

import java.util.List;

/**
 * A check that a feature outside the roster package makes of a roster it will work with (alert
 * routes, plan choices, audiences). A reload asks every one of them about the new roster before
 * anything changes, so that a roster a feature could not use is refused with the others' problems
 * instead of breaking that feature later.
 */
public interface RosterCheck {

	/** What is wrong with {@code candidate} for this feature, each with the file and what to fix; empty if nothing. */
	List<String> problems(Roster candidate);
}
