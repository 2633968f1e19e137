package io.firebreak.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentResponseVariables;

/**
 * Fires a drill's alerts into its own incident, the way alert intake takes in a real alert for an
 * open incident: recorded in the alert tables (source {@code drill}) and handed to the plan's
 * alert handling, which writes them to the timeline. They never go through routing: a drill alert
 * must not join a real incident's alert group, nor declare one.
 */
@Component
public class DrillAlerts {

	private final AlertGroups groups;
	private final IncidentRepository incidents;
	private final PlanMessages plan;
	private final AlertTimeline timeline;
	private final Clock clock;

	DrillAlerts(AlertGroups groups, IncidentRepository incidents, PlanMessages plan, AlertTimeline timeline,
			Clock clock) {
		this.groups = groups;
		this.incidents = incidents;
		this.plan = plan;
		this.timeline = timeline;
		this.clock = clock;
	}

	/**
	 * {@code firingId} names this firing within the drill (e.g. its inject), so that a retried job
	 * takes the same alerts in once. Runs in the caller's transaction.
	 */
	public void fire(IncidentKey drillIncident, String firingId, List<String> descriptions) {
		Incident incident = incidents.findByKey(drillIncident)
			.filter(Incident::drill)
			.orElseThrow(() -> new IllegalArgumentException(drillIncident + " is no drill: drill alerts go to drills only"));
		List<AlertEvent> events = new ArrayList<>();
		for (int i = 0; i < descriptions.size(); i++) {
			events.add(new AlertEvent(Digests.sha256(AlertSource.DRILL.id(), drillIncident.value(), firingId,
					Integer.toString(i)), AlertEvent.Kind.FIRING, descriptions.get(i)));
		}
		AlertDelivery delivery = new AlertDelivery(AlertSource.DRILL, "drill/" + drillIncident.value(),
				AlertDelivery.Status.FIRING, events, incident.title(), incident.summary(), null,
				List.of(incident.service()));
		Instant now = clock.instant();
		AlertGroups.LockedGroup group = groups.lock(delivery, incident.service(), now);
		if (group.incident().isEmpty()) {
			groups.assign(group.id(), drillIncident);
		}
		List<AlertEvent> fresh = groups.unseen(events);
		if (fresh.isEmpty()) {
			return;
		}
		groups.takeIn(group.id(), Optional.of(drillIncident), fresh, now);
		if (!incident.status().isOpen() || !plan.correlate(incident, IncidentResponseVariables.MESSAGE_ALERT_RECEIVED)) {
			timeline.recordPending(drillIncident);
		}
	}
}
