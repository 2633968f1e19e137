package io.firebreak.roster;

/** The roster files do not parse or describe a roster with mistakes; the message says where and what to fix. */
public class RosterUnreadable extends RuntimeException {

	RosterUnreadable(String message) {
		super(message);
	}
}
