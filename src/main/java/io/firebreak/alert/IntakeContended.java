package io.firebreak.alert;

/** Too many deliveries raced for one alert group; answered 503 so that the sender retries. */
class IntakeContended extends RuntimeException {

	IntakeContended(Throwable cause) {
		super("alert intake is contended; retry the delivery", cause);
	}
}
