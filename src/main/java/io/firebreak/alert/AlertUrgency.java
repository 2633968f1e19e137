package io.firebreak.alert;

import java.util.Locale;
import java.util.Map;

import io.firebreak.incident.Urgency;

/**
 * The urgency an alert's own severity suggests, for the pre-assessment (the commander confirms or
 * changes it). PagerDuty's four severities map one to one; Alertmanager's {@code severity} label is
 * free text, so the words teams commonly use (Prometheus mixins, Zabbix, P1–P5) are understood too.
 */
final class AlertUrgency {

	/** Nobody said how urgent: the middle of the scale, until the commander judges. */
	static final Urgency UNSTATED = Urgency.MEDIUM;

	private static final Map<String, Urgency> WORDS = Map.ofEntries(
			Map.entry("critical", Urgency.CRITICAL), Map.entry("page", Urgency.CRITICAL),
			Map.entry("emergency", Urgency.CRITICAL), Map.entry("alert", Urgency.CRITICAL),
			Map.entry("fatal", Urgency.CRITICAL), Map.entry("disaster", Urgency.CRITICAL),
			Map.entry("p1", Urgency.CRITICAL), Map.entry("sev1", Urgency.CRITICAL),
			Map.entry("error", Urgency.HIGH), Map.entry("high", Urgency.HIGH), Map.entry("major", Urgency.HIGH),
			Map.entry("p2", Urgency.HIGH), Map.entry("sev2", Urgency.HIGH),
			Map.entry("warning", Urgency.MEDIUM), Map.entry("warn", Urgency.MEDIUM),
			Map.entry("average", Urgency.MEDIUM), Map.entry("medium", Urgency.MEDIUM),
			Map.entry("p3", Urgency.MEDIUM), Map.entry("sev3", Urgency.MEDIUM),
			Map.entry("info", Urgency.LOW), Map.entry("information", Urgency.LOW),
			Map.entry("informational", Urgency.LOW), Map.entry("low", Urgency.LOW), Map.entry("minor", Urgency.LOW),
			Map.entry("notice", Urgency.LOW), Map.entry("none", Urgency.LOW), Map.entry("p4", Urgency.LOW),
			Map.entry("p5", Urgency.LOW), Map.entry("sev4", Urgency.LOW));

	private AlertUrgency() {
	}

	static Urgency of(String severity) {
		if (severity == null) {
			return UNSTATED;
		}
		return WORDS.getOrDefault(severity.strip().toLowerCase(Locale.ROOT), UNSTATED);
	}
}
