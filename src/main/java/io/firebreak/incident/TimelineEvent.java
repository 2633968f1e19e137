package io.firebreak.incident;

import java.time.Instant;

/** One line of an incident's timeline: what happened, when, and who did it. */
public record TimelineEvent(IncidentKey incidentKey, Instant occurredAt, Kind kind, String actor, String description,
		String taskName) {

	public enum Kind {
		DECLARED, ASSESSED, SEVERITY_SET, SEVERITY_CHANGED, PAGED, ESCALATED, ACKNOWLEDGED, CONTAINED, MITIGATED,
		RECOVERY_CHECKED, RESOLVED, REVIEWED, CLOSED, NOTIFICATION,
		ALERT_FIRING, ALERT_ACKNOWLEDGED, ALERT_RESOLVED, ALERT_REVIEWED,
		/** A step without a milestone was completed; what was submitted is in the description. */
		STEP_COMPLETED,
		/** An incident role (commander, communications lead, scribe) changed hands while the incident ran. */
		ROLE_HANDED_OVER,
		/** A notice or status update went to the audiences: who heard, and what. */
		STATUS_UPDATE,
		/** The post-incident analysis was approved and published, with its action items. */
		POSTMORTEM_PUBLISHED,
		/** Something a drill's scenario makes happen: what the responders were told, at its time. */
		DRILL_INJECT,
		/** A drill's plan ended and its scorecard was kept: the result against the targets. */
		DRILL_SCORED,
		/** A security incident's data exposure was assessed: the moment of awareness and the notifications it obliges, each with its deadline. */
		BREACH_ASSESSED,
		/** A regulatory deadline is near, or passed, and the notification is not recorded yet. */
		BREACH_DEADLINE,
		/** A notification the breach obliges was made: what, to whom, when, its reference, and whether in time. */
		BREACH_NOTIFIED
	}

	public static TimelineEvent of(IncidentKey key, Instant at, Kind kind, String actor, String description) {
		return new TimelineEvent(key, at, kind, actor, description, null);
	}
}
