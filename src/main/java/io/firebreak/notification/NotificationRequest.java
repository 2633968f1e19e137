package io.firebreak.notification;

import java.util.List;
import java.util.Map;

/**
 * What a caller asks for: one delivery of one kind about an incident. {@code key} must be
 * stable for the step (e.g. {@code INC-2026-0001/page/0}) so retries never send twice.
 * {@code model} feeds the kind's templates.
 */
public record NotificationRequest(String key, String incidentKey, NotificationKind kind, Channel channel,
		List<String> recipients, String subject, boolean drill, Map<String, Object> model) {

	public NotificationRequest {
		if (recipients == null || recipients.isEmpty()) {
			throw new IllegalArgumentException("notification " + key + " has no recipients");
		}
		recipients = List.copyOf(recipients);
		model = Map.copyOf(model);
	}
}
