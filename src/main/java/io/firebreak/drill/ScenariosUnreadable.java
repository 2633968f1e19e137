package io.firebreak.drill;

import io.firebreak.system.ConfigFileMistakes;

/** The scenarios file does not parse or names what does not exist; the message says where and what to fix. */
public class ScenariosUnreadable extends ConfigFileMistakes {

	ScenariosUnreadable(String message) {
		super(message);
	}
}
