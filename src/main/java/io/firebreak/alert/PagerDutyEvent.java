package io.firebreak.alert;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.firebreak.system.InvalidInput;

/**
 * An event in PagerDuty's Events API v2 format, as Grafana, Datadog, Zabbix, Alertmanager's
 * pagerduty_configs and most monitoring tools send it. The {@code dedup_key} names the alert group.
 */
final class PagerDutyEvent {

	static final List<String> ACTIONS = List.of("trigger", "acknowledge", "resolve");
	static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");
	static final int DEDUP_KEY_MAX = 255;
	static final int SUMMARY_MAX = 1024;
	private static final int FIELD_MAX = 1024;
	private static final int DETAILS_SHOWN_MAX = 2000;
	private static final ObjectMapper CANONICAL = new ObjectMapper()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

	private PagerDutyEvent() {
	}

	static String routingKey(PayloadNode body) {
		return body.requiredText("routing_key", FIELD_MAX);
	}

	static AlertDelivery parse(PayloadNode body) {
		String action = body.requiredChoice("event_action", ACTIONS);
		String dedupKey = body.optionalText("dedup_key", DEDUP_KEY_MAX);
		boolean trigger = action.equals("trigger");
		if (!trigger && (dedupKey == null || dedupKey.isBlank())) {
			throw new InvalidInput("dedup_key", "dedup_key is required to " + action + ": it names the alert to " + action);
		}
		body.optionalText("client", FIELD_MAX);
		body.optionalText("client_url", FIELD_MAX);
		body.optionalArray("links").forEach(link -> {
			link.requiredText("href", FIELD_MAX);
			link.optionalText("text", FIELD_MAX);
		});
		body.optionalArray("images").forEach(image -> {
			image.requiredText("src", FIELD_MAX);
			image.optionalText("href", FIELD_MAX);
			image.optionalText("alt", FIELD_MAX);
		});
		String content = canonicalContent(body);
		// PagerDuty makes up a key for a trigger without one; ours comes from the content, so that
		// a resent trigger finds the group of its first sending instead of opening another.
		String groupKey = dedupKey == null || dedupKey.isBlank() ? Digests.sha256(content).substring(0, 32) : dedupKey;
		String eventKey = Digests.sha256(AlertSource.PAGERDUTY_EVENTS.id(), groupKey, content);
		if (!trigger) {
			String client = Texts.firstNonBlank(body.optionalText("client", FIELD_MAX), "the alert source");
			boolean resolve = action.equals("resolve");
			return new AlertDelivery(AlertSource.PAGERDUTY_EVENTS, groupKey,
					resolve ? AlertDelivery.Status.RESOLVED : AlertDelivery.Status.ACKNOWLEDGED,
					List.of(new AlertEvent(eventKey, resolve ? AlertEvent.Kind.RESOLVED : AlertEvent.Kind.ACKNOWLEDGED,
							(resolve ? "Resolved in " : "Acknowledged in ") + client + " (dedup_key " + groupKey + ")")),
					null, null, null, List.of());
		}
		PayloadNode payload = body.requiredObject("payload");
		String summary = payload.requiredText("summary", SUMMARY_MAX);
		String source = payload.requiredText("source", FIELD_MAX);
		String severity = payload.requiredChoice("severity", SEVERITIES);
		payload.optionalTime("timestamp");
		String component = payload.optionalText("component", FIELD_MAX);
		String group = payload.optionalText("group", FIELD_MAX);
		String eventClass = payload.optionalText("class", FIELD_MAX);
		List<String> facts = new ArrayList<>(List.of("source " + source, "severity " + severity));
		if (component != null) facts.add("component " + component);
		if (group != null) facts.add("group " + group);
		if (eventClass != null) facts.add("class " + eventClass);
		String details = payload.has("custom_details") ? "\nDetails: " + Texts.shorten(
				payload.json().get("custom_details").toString(), DETAILS_SHOWN_MAX) : "";
		String links = String.join(" ", body.optionalArray("links").stream().map(l -> l.json().get("href").asText()).toList());
		AlertEvent event = new AlertEvent(eventKey, AlertEvent.Kind.FIRING,
				"Triggered: %s (%s)".formatted(summary, String.join(", ", facts)));
		return new AlertDelivery(AlertSource.PAGERDUTY_EVENTS, groupKey, AlertDelivery.Status.FIRING, List.of(event),
				summary, "%s%nPagerDuty-format event, dedup_key %s: %s.%s%s".formatted(summary, groupKey,
						String.join(", ", facts), details, links.isEmpty() ? "" : "\nLinks: " + links),
				severity, List.of(component == null ? "" : component, source));
	}

	/** The event's content in a stable form (keys sorted), without the routing key, which is a secret. */
	private static String canonicalContent(PayloadNode body) {
		ObjectNode content = body.json().deepCopy();
		content.remove("routing_key");
		try {
			return CANONICAL.writeValueAsString(CANONICAL.convertValue(content, Object.class));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("a parsed JSON tree is always writable", e);
		}
	}
}
