package io.firebreak.notification;

import java.time.Instant;

import io.firebreak.incident.IncidentKey;

/**
 * Where a notice's customer part is published beyond mail: the public status page. Implemented
 * by the status page, so that notifications need not know it.
 */
public interface CustomerUpdatePublisher {

	/** {@code status}: investigating, identified, monitoring or resolved, as on Atlassian Statuspage. */
	void publish(IncidentKey incident, String status, String message, String postedBy, Instant at);
}
