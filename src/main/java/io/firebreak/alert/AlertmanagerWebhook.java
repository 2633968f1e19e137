package io.firebreak.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.firebreak.system.InvalidInput;

/**
 * Alertmanager's webhook notification (version 4): one alert group, every alert in it with its
 * status. Each alert's fingerprint, start and status make one event; Alertmanager resends the same
 * ones on every repeat_interval, so only a new alert, a new firing or a resolve is news.
 */
final class AlertmanagerWebhook {

	static final List<String> STATUSES = List.of("firing", "resolved");
	private static final int LABEL_TEXT_MAX = 1000;
	private static final int ANNOTATION_MAX = 8000;
	// Alertmanager writes Go's zero time for "no end known yet"
	private static final Instant NO_TIME = Instant.parse("1970-01-01T00:00:00Z");

	private AlertmanagerWebhook() {
	}

	record Alert(String status, Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
			Instant endsAt, String generatorUrl, String fingerprint) {

		String name() {
			return labels.getOrDefault("alertname", "Alert");
		}

		boolean firing() {
			return "firing".equals(status);
		}
	}

	static AlertDelivery parse(PayloadNode body) {
		String version = body.requiredText("version", 16);
		if (!"4".equals(version)) {
			throw new InvalidInput("version", "version must be 4, the webhook format of Alertmanager 0.x (was '" + version + "')");
		}
		String groupKey = body.requiredText("groupKey", AlertDelivery.GROUP_KEY_MAX);
		String status = body.requiredChoice("status", STATUSES);
		String receiver = body.optionalText("receiver", LABEL_TEXT_MAX);
		Map<String, String> commonLabels = body.stringMap("commonLabels");
		Map<String, String> commonAnnotations = body.stringMap("commonAnnotations");
		body.stringMap("groupLabels");
		String externalUrl = body.optionalText("externalURL", LABEL_TEXT_MAX);
		long truncated = body.optionalNumber("truncatedAlerts");
		List<PayloadNode> alertNodes = body.optionalArray("alerts");
		if (alertNodes.isEmpty()) {
			throw new InvalidInput("alerts", "alerts is required: a notification carries at least one alert");
		}
		List<Alert> alerts = alertNodes.stream().map(AlertmanagerWebhook::alert).toList();

		List<AlertEvent> events = alerts.stream().map(alert -> event(groupKey, alert)).toList();
		Alert first = alerts.stream().filter(Alert::firing).findFirst().orElse(alerts.get(0));
		String summary = Texts.firstNonBlank(commonAnnotations.get("summary"), first.annotations().get("summary"));
		String title = first.name() + (summary == null ? "" : ": " + summary);
		String severity = Texts.firstNonBlank(commonLabels.get("severity"), first.labels().get("severity"));
		long firing = alerts.stream().filter(Alert::firing).count();
		String description = Texts.firstNonBlank(commonAnnotations.get("description"),
				first.annotations().get("description"), summary, "");
		String context = "%s%nAlertmanager group %s (receiver %s): %d of %d alerts firing%s.%s".formatted(description,
				groupKey, receiver, firing, alerts.size(),
				truncated > 0 ? ", " + truncated + " more not sent (max_alerts)" : "",
				externalUrl == null ? "" : " " + externalUrl);
		return new AlertDelivery(AlertSource.ALERTMANAGER, groupKey,
				"resolved".equals(status) ? AlertDelivery.Status.RESOLVED : AlertDelivery.Status.FIRING, events, title,
				context, severity, List.of(nullToEmpty(commonLabels.get("service")), nullToEmpty(first.labels().get("service"))));
	}

	private static Alert alert(PayloadNode node) {
		Map<String, String> labels = node.stringMap("labels");
		if (labels.isEmpty()) {
			throw new InvalidInput(node.pathOf("labels"), node.pathOf("labels") + " is required: an alert is identified by its labels");
		}
		String fingerprint = node.optionalText("fingerprint", 128);
		return new Alert(node.requiredChoice("status", STATUSES), labels, node.stringMap("annotations"),
				node.requiredTime("startsAt"), node.optionalTime("endsAt").filter(NO_TIME::isBefore).orElse(null),
				node.optionalText("generatorURL", ANNOTATION_MAX),
				fingerprint == null || fingerprint.isBlank() ? Digests.sha256(labels.toString()).substring(0, 16) : fingerprint);
	}

	private static AlertEvent event(String groupKey, Alert alert) {
		String key = Digests.sha256(AlertSource.ALERTMANAGER.id(), groupKey, alert.fingerprint(),
				alert.startsAt().toString(), alert.status());
		String labels = alert.labels().entrySet().stream()
			.filter(label -> !label.getKey().equals("alertname"))
			.map(label -> label.getKey() + "=" + label.getValue())
			.collect(Collectors.joining(", "));
		String summary = Texts.firstNonBlank(alert.annotations().get("summary"), alert.annotations().get("description"));
		if (alert.firing()) {
			return new AlertEvent(key, AlertEvent.Kind.FIRING, "%s firing since %s (%s)%s".formatted(alert.name(),
					alert.startsAt(), labels, summary == null ? "" : ": " + summary));
		}
		return new AlertEvent(key, AlertEvent.Kind.RESOLVED, "%s resolved%s (%s), firing since %s".formatted(
				alert.name(), alert.endsAt() == null ? "" : " at " + alert.endsAt(), labels, alert.startsAt()));
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
