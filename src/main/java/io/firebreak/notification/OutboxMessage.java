package io.firebreak.notification;

import java.time.Instant;

/** A mail as Firebreak recorded it: sent through SMTP, or captured when no SMTP server is set. */
public record OutboxMessage(long id, String incidentKey, String kind, String recipients, String subject, String text,
		Status status, Instant createdAt, Instant sentAt) {

	public enum Status {
		SENT, CAPTURED
	}
}
