package io.firebreak.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import io.firebreak.incident.Milestone;

/**
 * The times the reports measure, each from the declaration to a milestone of the response. An
 * incident that has not reached the milestone yet has no such time and is left out of its figures.
 */
enum Measure {

	/** MTTA: declared to acknowledged. */
	TIME_TO_ACKNOWLEDGE("MTTA", "acknowledged", Milestone.ACKNOWLEDGED, IncidentTimes::acknowledgedAt),
	TIME_TO_CONTAIN("Time to contain", "contained", Milestone.CONTAINED, IncidentTimes::containedAt),
	TIME_TO_MITIGATE("Time to mitigate", "mitigated", Milestone.MITIGATED, IncidentTimes::mitigatedAt),
	/** MTTR: declared to resolved. */
	TIME_TO_RESOLVE("MTTR", "resolved", Milestone.RESOLVED, IncidentTimes::resolvedAt);

	private final String label;
	private final String verb;
	private final Milestone milestone;
	private final Function<IncidentTimes, Instant> reachedAt;

	Measure(String label, String verb, Milestone milestone, Function<IncidentTimes, Instant> reachedAt) {
		this.label = label;
		this.verb = verb;
		this.milestone = milestone;
		this.reachedAt = reachedAt;
	}

	/** How the page names it: MTTA, Time to contain, ... */
	public String label() {
		return label;
	}

	/** declared → {@code verb}, as the page explains it */
	public String verb() {
		return verb;
	}

	/** timeToAcknowledge, ...: the JSON field and the CSV column prefix (snake case there) */
	public String id() {
		String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
		StringBuilder id = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return id.toString();
	}

	/** The measure a milestone ends, if it ends one. */
	static Optional<Measure> endedBy(Milestone milestone) {
		for (Measure measure : values()) {
			if (measure.milestone == milestone) {
				return Optional.of(measure);
			}
		}
		return Optional.empty();
	}

	/** The incident's time, empty while it has not reached the milestone. */
	Optional<Duration> of(IncidentTimes incident) {
		Instant reached = reachedAt.apply(incident);
		return reached == null ? Optional.empty() : Optional.of(Duration.between(incident.declaredAt(), reached));
	}
}
