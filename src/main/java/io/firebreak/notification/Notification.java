package io.firebreak.notification;

import java.time.Instant;

/**
 * One delivery: a mail to its recipients, or a post to one chat channel. {@code key} is stable
 * for the notification (incident, kind, step), so a retried job finds its earlier attempts.
 * {@code calendar}: the iCalendar invitation a mail carries, or null.
 */
public record Notification(Long id, String key, String incidentKey, NotificationKind kind, Channel channel,
		String recipients, String subject, String text, String html, String messageId, String inReplyTo,
		boolean drill, NotificationStatus status, int attempts, String lastError, Instant createdAt,
		Instant sentAt, String calendar) {

	/** A notification without a calendar invitation. */
	public Notification(Long id, String key, String incidentKey, NotificationKind kind, Channel channel,
			String recipients, String subject, String text, String html, String messageId, String inReplyTo,
			boolean drill, NotificationStatus status, int attempts, String lastError, Instant createdAt,
			Instant sentAt) {
		this(id, key, incidentKey, kind, channel, recipients, subject, text, html, messageId, inReplyTo, drill, status,
				attempts, lastError, createdAt, sentAt, null);
	}

	public boolean failed() {
		return status == NotificationStatus.FAILED;
	}

	public boolean hasCalendar() {
		return calendar != null;
	}
}
