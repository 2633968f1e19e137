package io.firebreak.postmortem;

import java.time.Duration;
import java.util.List;

import io.firebreak.incident.Incident;

/** Everything the report shows: the incident's facts, its postmortem and the action items. */
public record PostmortemReport(Incident incident, Postmortem postmortem, List<ActionItem> actionItems) {

	public PostmortemReport {
		actionItems = List.copyOf(actionItems);
	}

	/** From declaration to resolution; null while the incident is not resolved. */
	public Duration duration() {
		return incident.resolvedAt() == null ? null : Duration.between(incident.declaredAt(), incident.resolvedAt());
	}
}
