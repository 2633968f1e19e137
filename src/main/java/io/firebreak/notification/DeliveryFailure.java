package io.firebreak.notification;

/** A delivery that did not go through; the message says why in words an operator can act on. */
public class DeliveryFailure extends RuntimeException {

	private final boolean permanent;

	public DeliveryFailure(String message, boolean permanent, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
	}

	/** Retrying cannot help (a webhook that answers 4xx): the engine raises its incident at once. */
	public boolean permanent() {
		return permanent;
	}
}
