package io.firebreak.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.firebreak.incident.TimelineEvent.Kind;

/**
 * The points of an incident's life that a plan marks on its elements with the extension property
 * {@code firebreak.milestone}. The record moves on when a marked element is reached: never by an
 * element's id, so authors may name and arrange their steps as they like.
 */
public enum Milestone {

	/** On the plan's start event: opens the record. Marks the process as a response plan. */
	DECLARED(Kind.DECLARED),
	/** On a business rule task applying the priority table: puts the severity on the record. */
	PRIORITISED(Kind.SEVERITY_SET),
	ASSESSED(Kind.ASSESSED),
	ACKNOWLEDGED(Kind.ACKNOWLEDGED),
	CONTAINED(Kind.CONTAINED),
	MITIGATED(Kind.MITIGATED),
	/** Reads the boolean variable {@code recovered}: recovered, or back to containment. */
	RECOVERED(Kind.RECOVERY_CHECKED),
	RESOLVED(Kind.RESOLVED),
	REVIEWED(Kind.REVIEWED),
	/** On an end event: closes the record. */
	CLOSED(Kind.CLOSED);

	/** The extension property that marks a milestone on a BPMN element. */
	public static final String PROPERTY = "firebreak.milestone";

	/** The parsed activity property naming the milestone a user task reaches when it is completed. */
	public static final String OF_TASK = "firebreak.milestone.task";

	private final Kind timelineKind;

	Milestone(Kind timelineKind) {
		this.timelineKind = timelineKind;
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	Kind timelineKind() {
		return timelineKind;
	}

	public static Optional<Milestone> of(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		return Arrays.stream(values()).filter(m -> m.value().equals(value.strip())).findFirst();
	}

	public static String allValues() {
		return Arrays.stream(values()).map(Milestone::value).collect(Collectors.joining(", "));
	}
}
