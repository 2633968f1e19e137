package io.firebreak.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.firebreak.notification.Notification;
import io.firebreak.notification.NotificationRepository;

/**
 * An incident's timeline as people read it: the recorded events, and each notification with
 * its current delivery state (so a retried page shows as delivered, not as its failures).
 */
@Component
public class IncidentTimeline {

	public record Entry(Instant occurredAt, String kind, String actor, String description, String task) {
	}

	private final TimelineRepository timeline;
	private final NotificationRepository notifications;

	IncidentTimeline(TimelineRepository timeline, NotificationRepository notifications) {
		this.timeline = timeline;
		this.notifications = notifications;
	}

	public List<Entry> of(IncidentKey key) {
		List<Entry> entries = new ArrayList<>();
		timeline.findByIncident(key).forEach(event -> entries.add(new Entry(event.occurredAt(),
				event.kind().name().toLowerCase(Locale.ROOT), event.actor(), event.description(), event.taskName())));
		notifications.forIncident(key.value()).forEach(n -> entries.add(new Entry(
				n.sentAt() != null ? n.sentAt() : n.createdAt(), "notification", null, describe(n), null)));
		entries.sort(Comparator.comparing(Entry::occurredAt));
		return entries;
	}

	static String describe(Notification n) {
		String kind = n.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		String state = switch (n.status()) {
			case SENT -> "sent";
			case CAPTURED -> "kept in the outbox (no SMTP server configured)";
			case PENDING -> "not yet attempted";
			case SENDING -> "being sent";
			case FAILED -> "FAILED after " + n.attempts() + " attempt" + (n.attempts() == 1 ? "" : "s") + ": "
					+ n.lastError();
		};
		return "%s by %s to %s: %s".formatted(kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1),
				n.channel().name().toLowerCase(Locale.ROOT), n.recipients(), state);
	}
}
