package io.firebreak.roster;

import io.firebreak.system.ConfigFileMistakes;

/** The roster files do not parse or describe a roster with mistakes; the message says where and what to fix. */
public class RosterUnreadable extends ConfigFileMistakes {

	RosterUnreadable(String message) {
		super(message);
	}
}
