package io.firebreak.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentType;
import io.firebreak.roster.OwnedService;

/**
 * Everything the public status page shows at one moment, derived from the incident record and the
 * customer updates by the rules below; the page, {@code /status.json} and the feed all read one.
 * <ul>
 * <li>A drill never appears and never counts.</li>
 * <li>A security incident is restricted: it appears, and counts, only once a customer update was
 * published for it. Until then the page looks as if it did not exist.</li>
 * <li>Every other incident appears, with its customer updates if there are any.</li>
 * <li>A service's state is the worst {@link ServiceState#causedBy state caused} by its open
 * incidents that appear; resolved and closed ones count for nothing.</li>
 * </ul>
 *
 * @param services    the services the page shows, in the order of services.yaml
 * @param incidents   the incidents that appear, most recently started first
 * @param windowStart how far back the page looks: incidents open since, and updates posted since
 */
public record StatusBoard(Instant generatedAt, Instant windowStart, List<ServiceStatus> services,
		List<PublicIncident> incidents) {

	/** A service as the page shows it; {@code updatedAt} is null when nothing happened to it in the window. */
	public record ServiceStatus(String id, String name, int position, ServiceState state, Instant updatedAt) {
	}

	/** One published update with the incident it belongs to, as the feed lists them. */
	public record PublishedUpdate(PublicIncident incident, CustomerUpdate update) {
	}

	public StatusBoard {
		services = List.copyOf(services);
		incidents = List.copyOf(incidents);
	}

	/**
	 * @param shown     the services on the page; an incident on any other service does not appear
	 * @param incidents the incident record's incidents that were going on in the window
	 * @param updates   the customer updates of those incidents, oldest first
	 */
	public static StatusBoard of(List<OwnedService> shown, List<Incident> incidents,
			Map<IncidentKey, List<CustomerUpdate>> updates, Instant now, Instant windowStart) {
		Map<String, String> names = shown.stream()
			.collect(Collectors.toMap(OwnedService::id, OwnedService::name, (a, b) -> a));
		List<PublicIncident> appearing = incidents.stream()
			.filter(incident -> names.containsKey(incident.service()))
			.filter(incident -> appears(incident, updates.getOrDefault(incident.key(), List.of())))
			.sorted(Comparator.comparing(Incident::declaredAt).reversed())
			.map(incident -> toPublic(incident, names.get(incident.service()),
					updates.getOrDefault(incident.key(), List.of())))
			.toList();
		List<ServiceStatus> services = IntStream.range(0, shown.size())
			.mapToObj(index -> status(shown.get(index), index + 1, appearing))
			.toList();
		return new StatusBoard(now, windowStart, services, appearing);
	}

	/** Whether the public may see {@code incident} at all, given what was published about it. */
	public static boolean appears(Incident incident, List<CustomerUpdate> published) {
		if (incident.drill()) {
			return false;
		}
		return incident.type() != IncidentType.SECURITY || !published.isEmpty();
	}

	/** The worst state of any service shown. */
	public ServiceState overall() {
		return ServiceState.worstOf(services.stream().map(ServiceStatus::state));
	}

	/** Incidents still open, most recently started first: Statuspage's unresolved incidents. */
	public List<PublicIncident> unresolved() {
		return incidents.stream().filter(PublicIncident::open).toList();
	}

	/** Every update posted in the window, newest first. */
	public List<PublishedUpdate> publishedUpdates() {
		return incidents.stream()
			.flatMap(incident -> incident.updates().stream().map(update -> new PublishedUpdate(incident, update)))
			.filter(published -> !published.update().postedAt().isBefore(windowStart))
			.sorted(Comparator.comparing((PublishedUpdate published) -> published.update().postedAt())
				.thenComparing(published -> published.update().id())
				.reversed())
			.toList();
	}

	/** When anything on the page last changed; when nothing happened in the window, the moment it was generated. */
	public Instant updatedAt() {
		return incidents.stream().map(PublicIncident::updatedAt).max(Comparator.naturalOrder()).orElse(generatedAt);
	}

	private static PublicIncident toPublic(Incident incident, String serviceName, List<CustomerUpdate> updates) {
		boolean open = incident.status().isOpen();
		return new PublicIncident(incident.key(), incident.service(), serviceName,
				ServiceState.causedBy(incident.severity()), open, incident.declaredAt(),
				open ? null : incident.resolvedAt(), updates);
	}

	private static ServiceStatus status(OwnedService service, int position, List<PublicIncident> appearing) {
		List<PublicIncident> its = appearing.stream()
			.filter(incident -> incident.serviceId().equals(service.id()))
			.toList();
		ServiceState state = ServiceState.worstOf(its.stream().filter(PublicIncident::open).map(PublicIncident::impact));
		Instant updatedAt = its.stream()
			.flatMap(incident -> Stream.of(incident.startedAt(), incident.resolvedAt()))
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
		return new ServiceStatus(service.id(), service.name(), position, state, updatedAt);
	}
}
