package io.firebreak.alert;

/** A request body over the alert intake's limit. */
class PayloadTooLarge extends RuntimeException {

	PayloadTooLarge(long limit) {
		super("the body is larger than " + limit + " bytes; send fewer alerts per notification (Alertmanager: max_alerts)");
	}
}
