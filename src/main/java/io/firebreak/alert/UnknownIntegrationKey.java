package io.firebreak.alert;

/** The sender's integration key is no service's. Says nothing about the key itself: it is a secret. */
class UnknownIntegrationKey extends RuntimeException {

	UnknownIntegrationKey() {
		super("the integration key is not the key of any Firebreak service (config/services.yaml)");
	}
}
