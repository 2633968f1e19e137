package io.firebreak.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.roster.OwnedService;
import io.firebreak.roster.Roster;

/** Reads the incident record, the customer updates and the roster's services into a {@link StatusBoard}. */
@Service
class StatusPage {

	/** How far back the page, the JSON and the feed look. */
	static final Duration WINDOW = Duration.ofDays(90);

	private final IncidentRepository incidents;
	private final CustomerUpdates customerUpdates;
	private final Roster roster;
	private final Clock clock;
	private final StatuspageSummary.PageIdentity identity;

	StatusPage(IncidentRepository incidents, CustomerUpdates customerUpdates, Roster roster, Clock clock,
			@Value("${firebreak.base-url}") String baseUrl, @Value("${firebreak.status.page-name}") String pageName) {
		this.incidents = incidents;
		this.customerUpdates = customerUpdates;
		this.roster = roster;
		this.clock = clock;
		this.identity = new StatuspageSummary.PageIdentity("firebreak", pageName,
				baseUrl.replaceAll("/+$", "") + "/status");
	}

	/** The page's id, name and public address ({@code <base-url>/status}). */
	StatuspageSummary.PageIdentity identity() {
		return identity;
	}

	StatusBoard board() {
		Instant now = clock.instant();
		Instant windowStart = now.minus(WINDOW);
		// drills are dropped before their updates are even read: nothing of them reaches the board
		List<Incident> active = incidents.findActiveSince(windowStart).stream().filter(incident -> !incident.drill()).toList();
		return StatusBoard.of(shownServices(), active,
				customerUpdates.of(active.stream().map(Incident::key).toList()), now, windowStart);
	}

	/**
	 * Every service of services.yaml but the triage service: that one holds alerts from services
	 * Firebreak does not know until an assessment names the real service, and means nothing to a
	 * customer.
	 */
	private List<OwnedService> shownServices() {
		Optional<String> triage = roster.triageService().map(OwnedService::id);
		return roster.services().stream().filter(service -> triage.map(id -> !id.equals(service.id())).orElse(true)).toList();
	}
}
