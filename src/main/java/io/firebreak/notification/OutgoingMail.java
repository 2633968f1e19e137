package io.firebreak.notification;

import java.util.List;

/** A mail to people on the roster, about an incident when {@code incidentKey} is set. */
public record OutgoingMail(String incidentKey, String kind, List<String> recipients, String subject, String text) {

	public OutgoingMail {
		if (recipients == null || recipients.isEmpty()) {
			throw new IllegalArgumentException("a mail needs at least one recipient");
		}
		recipients = List.copyOf(recipients);
	}
}
