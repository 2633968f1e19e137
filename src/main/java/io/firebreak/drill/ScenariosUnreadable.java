package io.firebreak.drill;

/** The scenarios file does not parse or names what does not exist; the message says where and what to fix. */
public class ScenariosUnreadable extends RuntimeException {

	ScenariosUnreadable(String message) {
		super(message);
	}
}
