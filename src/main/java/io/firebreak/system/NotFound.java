package io.firebreak.system;

/** Answered as 404 with the message as detail. */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}
}
