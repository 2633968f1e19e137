package io.firebreak.notification;

import java.util.List;
import java.util.Map;

/**
 * What a caller asks for: one delivery of one kind about an incident. {@code key} must be
 * stable for the step (e.g. {@code INC-2026-0001/page/0}) so retries never send twice.
 * {@code model} feeds the kind's templates. {@code calendar}, when given, is an iCalendar
 * invitation (METHOD:REQUEST) that a mail carries beside its text, so that calendar clients offer
 * to accept it; chat posts have no place for it and go without.
 */
public record NotificationRequest(String key, String incidentKey, NotificationKind kind, Channel channel,
		List<String> recipients, String subject, boolean drill, Map<String, Object> model, String calendar) {

	public NotificationRequest {
		if (recipients == null || recipients.isEmpty()) {
			throw new IllegalArgumentException("notification " + key + " has no recipients");
		}
		if (calendar != null && !calendar.startsWith("BEGIN:VCALENDAR")) {
			throw new IllegalArgumentException("notification " + key + ": the calendar invitation is no iCalendar text");
		}
		recipients = List.copyOf(recipients);
		model = Map.copyOf(model);
	}

	/** A notification without a calendar invitation, as most are. */
	public NotificationRequest(String key, String incidentKey, NotificationKind kind, Channel channel,
			List<String> recipients, String subject, boolean drill, Map<String, Object> model) {
		this(key, incidentKey, kind, channel, recipients, subject, drill, model, null);
	}

	/** The same notice under {@code newKey} to {@code others} only. */
	public NotificationRequest to(String newKey, List<String> others) {
		return new NotificationRequest(newKey, incidentKey, kind, channel, others, subject, drill, model, calendar);
	}

	/** The same request, carrying the iCalendar invitation {@code ics}. */
	public NotificationRequest withCalendar(String ics) {
		return new NotificationRequest(key, incidentKey, kind, channel, recipients, subject, drill, model, ics);
	}
}
