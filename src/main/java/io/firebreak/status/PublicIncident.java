package io.firebreak.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.firebreak.incident.IncidentKey;

/**
 * An incident as the public sees it. It holds no title, summary, customer-impact note, names or
 * any other text written for responders, so no template, JSON or feed built from it can show them:
 * its only words are the service's name and what the communications lead published.
 *
 * @param impact     the state the incident puts (or put) its service in, from its severity
 * @param resolvedAt null while the incident is open
 * @param updates    what customers were told, oldest first
 */
public record PublicIncident(IncidentKey key, String serviceId, String serviceName, ServiceState impact, boolean open,
		Instant startedAt, Instant resolvedAt, List<CustomerUpdate> updates) {

	public PublicIncident {
		updates = List.copyOf(updates);
	}

	/** What it is called in public, since its internal title never is. */
	public String name() {
		return "Incident on " + serviceName;
	}

	/** The latest status published; investigating or resolved, as the record stands, before any was. */
	public CustomerUpdateStatus status() {
		if (!updates.isEmpty()) {
			return updates.get(updates.size() - 1).status();
		}
		return open ? CustomerUpdateStatus.INVESTIGATING : CustomerUpdateStatus.RESOLVED;
	}

	/** When anything customers can see about it last changed. */
	public Instant updatedAt() {
		return Stream.concat(Stream.of(startedAt, resolvedAt), updates.stream().map(CustomerUpdate::postedAt))
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElseThrow();
	}

	/** When it was first published as monitoring, as Statuspage's {@code monitoring_at}; null if never. */
	public Instant monitoringAt() {
		return updates.stream()
			.filter(update -> update.status() == CustomerUpdateStatus.MONITORING)
			.map(CustomerUpdate::postedAt)
			.findFirst()
			.orElse(null);
	}

	/** Newest first, as status pages list them. */
	public List<CustomerUpdate> updatesNewestFirst() {
		List<CustomerUpdate> newestFirst = new ArrayList<>(updates);
		Collections.reverse(newestFirst);
		return newestFirst;
	}
}
