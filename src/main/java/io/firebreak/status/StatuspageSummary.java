package io.firebreak.status;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code /status.json}: the shape of Atlassian Statuspage's public {@code /api/v2/summary.json}, so
 * that widgets and clients written for Statuspage read Firebreak's page unchanged. Components are
 * the services, incidents the unresolved ones, with their customer updates newest first; nothing
 * is scheduled for maintenance. Fields Firebreak has nothing for are there, null or false, as
 * Statuspage sends them. Times are ISO-8601 in UTC.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StatuspageSummary(Page page, List<Component> components, List<Incident> incidents,
		List<Object> scheduledMaintenances, Status status) {

	/** Who the page is: its id, name and address, from firebreak.status and firebreak.base-url. */
	record PageIdentity(String id, String name, String url) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Page(String id, String name, String url, String timeZone, String updatedAt) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Component(String id, String name, String status, String createdAt, String updatedAt, int position,
			String description, boolean showcase, String startDate, String groupId, String pageId, boolean group,
			boolean onlyShowIfDegraded) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Incident(String id, String name, String status, String createdAt, String updatedAt, String monitoringAt,
			String resolvedAt, String impact, String shortlink, String startedAt, String pageId,
			List<IncidentUpdate> incidentUpdates, List<Component> components) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record IncidentUpdate(String id, String status, String body, String incidentId, String createdAt,
			String updatedAt, String displayAt) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Status(String indicator, String description) {
	}

	static StatuspageSummary of(StatusBoard board, PageIdentity identity) {
		List<Component> components = board.services().stream().map(service -> component(service, identity)).toList();
		List<Incident> incidents = board.unresolved()
			.stream()
			.map(incident -> incident(incident, identity, components))
			.toList();
		ServiceState overall = board.overall();
		return new StatuspageSummary(
				new Page(identity.id(), identity.name(), identity.url(), "Etc/UTC", time(board.updatedAt())),
				components, incidents, List.of(), new Status(overall.indicator(), overall.pageDescription()));
	}

	private static Component component(StatusBoard.ServiceStatus service, PageIdentity identity) {
		return new Component(service.id(), service.name(), service.state().statuspageValue(), null,
				time(service.updatedAt()), service.position(), null, true, null, null, identity.id(), false, false);
	}

	private static Incident incident(PublicIncident incident, PageIdentity identity, List<Component> components) {
		String id = incident.key().value();
		List<IncidentUpdate> updates = incident.updatesNewestFirst()
			.stream()
			.map(update -> new IncidentUpdate(String.valueOf(update.id()), update.status().value(), update.message(),
					id, time(update.postedAt()), time(update.postedAt()), time(update.postedAt())))
			.toList();
		return new Incident(id, incident.name(), incident.status().value(), time(incident.startedAt()),
				time(incident.updatedAt()), time(incident.monitoringAt()), time(incident.resolvedAt()),
				incident.impact().indicator(), identity.url() + "#" + id, time(incident.startedAt()), identity.id(),
				updates, components.stream().filter(component -> component.id().equals(incident.serviceId())).toList());
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}
}
