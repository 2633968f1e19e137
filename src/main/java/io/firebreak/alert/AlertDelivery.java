package io.firebreak.alert;

import java.util.List;

/**
 * One validated delivery from an alert source, whatever its format: the group it is about, what it
 * says happened, and what an incident declared from it would say.
 *
 * @param status what the source says of the whole group now
 * @param severity the source's severity word (PagerDuty's, or Alertmanager's {@code severity} label)
 * @param serviceHints what may name the service, most telling first
 */
public record AlertDelivery(AlertSource source, String groupKey, Status status, List<AlertEvent> events,
		String title, String summary, String severity, List<String> serviceHints) {

	public static final int GROUP_KEY_MAX = 4000;

	public enum Status {
		FIRING, ACKNOWLEDGED, RESOLVED
	}

	public AlertDelivery {
		events = List.copyOf(events);
		serviceHints = serviceHints.stream().filter(hint -> hint != null && !hint.isBlank()).toList();
	}

	public String groupHash() {
		return Digests.sha256(groupKey);
	}

	boolean fires() {
		return events.stream().anyMatch(event -> event.kind() == AlertEvent.Kind.FIRING);
	}
}
