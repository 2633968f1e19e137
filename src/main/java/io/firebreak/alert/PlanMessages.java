package io.firebreak.alert;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;

/** Correlates alert messages into an incident's running incident-response plan. */
@Component
class PlanMessages {

	private final RuntimeService runtime;

	PlanMessages(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/**
	 * Returns false if the plan instance does not wait for {@code message} (a plan version without
	 * alert handling). The instance id narrows the business key: called plans share the incident key.
	 */
	boolean correlate(Incident incident, String message) {
		boolean waits = runtime.createEventSubscriptionQuery()
			.processInstanceId(incident.processInstanceId())
			.eventType("message")
			.eventName(message)
			.count() > 0;
		if (waits) {
			runtime.createMessageCorrelation(message)
				.processInstanceBusinessKey(incident.key().value())
				.processInstanceId(incident.processInstanceId())
				.correlateWithResult();
		}
		return waits;
	}
}
