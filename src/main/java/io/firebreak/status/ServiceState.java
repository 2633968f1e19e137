package io.firebreak.status;

import java.util.Comparator;
import java.util.stream.Stream;

import io.firebreak.incident.Severity;

/**
 * How a service is doing, as customers see it, in the four states of Atlassian Statuspage's
 * components (declared from best to worst, so the worst is the greatest).
 * <p>
 * The mapping from severity is the one rule of the status page: an open SEV1 is a major outage,
 * a SEV2 a partial outage, a SEV3 or SEV4 degraded performance. An open incident nobody has
 * given a severity yet is degraded performance: something is wrong, nobody has judged how bad.
 * The worst open incident of a service decides its state; resolved and closed ones count for
 * nothing. Each state also names the page-wide indicator and the impact of an incident that
 * causes it, so the page, the JSON and the feed cannot disagree.
 */
public enum ServiceState {
	OPERATIONAL("operational", "Operational", "none", "All Systems Operational"),
	DEGRADED_PERFORMANCE("degraded_performance", "Degraded performance", "minor", "Minor Service Outage"),
	PARTIAL_OUTAGE("partial_outage", "Partial outage", "major", "Partial System Outage"),
	MAJOR_OUTAGE("major_outage", "Major outage", "critical", "Major Service Outage");

	private final String statuspageValue;
	private final String label;
	private final String indicator;
	private final String pageDescription;

	ServiceState(String statuspageValue, String label, String indicator, String pageDescription) {
		this.statuspageValue = statuspageValue;
		this.label = label;
		this.indicator = indicator;
		this.pageDescription = pageDescription;
	}

	/** The state an open incident of this severity puts its service in; null is an untriaged incident. */
	public static ServiceState causedBy(Severity severity) {
		if (severity == null) {
			return DEGRADED_PERFORMANCE;
		}
		return switch (severity) {
			case SEV1 -> MAJOR_OUTAGE;
			case SEV2 -> PARTIAL_OUTAGE;
			case SEV3, SEV4 -> DEGRADED_PERFORMANCE;
		};
	}

	/** The worst of the states; operational when there are none. */
	public static ServiceState worstOf(Stream<ServiceState> states) {
		return states.max(Comparator.naturalOrder()).orElse(OPERATIONAL);
	}

	/** A component's {@code status} in Statuspage's JSON: {@code major_outage}. */
	public String statuspageValue() {
		return statuspageValue;
	}

	/** As the page shows it: {@code Major outage}. */
	public String label() {
		return label;
	}

	/**
	 * Statuspage's page indicator when this is the worst state on the page ({@code none},
	 * {@code minor}, {@code major}, {@code critical}), which is also the impact of an incident
	 * causing it.
	 */
	public String indicator() {
		return indicator;
	}

	/** Statuspage's description of the page when this is its worst state: {@code Major Service Outage}. */
	public String pageDescription() {
		return pageDescription;
	}
}
