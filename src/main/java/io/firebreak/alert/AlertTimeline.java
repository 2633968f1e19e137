package io.firebreak.alert;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.TimelineEvent.Kind;

/** Writes the alert events taken in for an incident to its timeline, each once, in arrival order. */
@Component
public class AlertTimeline {

	private final AlertGroups groups;
	private final IncidentLifecycle lifecycle;
	private final Clock clock;

	AlertTimeline(AlertGroups groups, IncidentLifecycle lifecycle, Clock clock) {
		this.groups = groups;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	/** Returns what was written, one line per event, for the commander to read. */
	public String recordPending(IncidentKey incident) {
		List<AlertGroups.PendingEvent> pending = groups.pending(incident);
		for (AlertGroups.PendingEvent event : pending) {
			lifecycle.note(incident, timelineKind(event.kind()), event.source().id(), event.description());
		}
		groups.markRecorded(pending, clock.instant());
		return Texts.shorten(pending.stream().map(AlertGroups.PendingEvent::description)
			.collect(Collectors.joining("\n")), 4000);
	}

	private static Kind timelineKind(AlertEvent.Kind kind) {
		return switch (kind) {
			case FIRING -> Kind.ALERT_FIRING;
			case ACKNOWLEDGED -> Kind.ALERT_ACKNOWLEDGED;
			case RESOLVED -> Kind.ALERT_RESOLVED;
		};
	}
}
