package io.firebreak.notification;

public enum NotificationStatus {
	/** recorded, not yet attempted */
	PENDING,
	/** claimed by a node that is handing it to the server now (or died doing so: see sending_until) */
	SENDING,
	/** handed to the mail server or accepted by the chat webhook */
	SENT,
	/** no SMTP server configured: kept in the outbox for reading, not sent */
	CAPTURED,
	/** the last attempt failed; the engine retries until its attempts run out */
	FAILED;

	public boolean delivered() {
		return this == SENT || this == CAPTURED;
	}
}
