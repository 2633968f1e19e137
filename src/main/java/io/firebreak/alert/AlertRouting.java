package io.firebreak.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.firebreak.incident.Impact;
import io.firebreak.incident.IncidentType;
import io.firebreak.roster.OwnedService;
import io.firebreak.roster.Roster;
import io.firebreak.roster.RosterCheck;
import io.firebreak.system.InvalidInput;

/**
 * Which service an alert belongs to. The integration key says which services may send it; the
 * alert's own service hint picks one of them; failing that, a key of a single service means that
 * service, and anything else goes to the triage service. Keys are kept only as SHA-256 digests.
 */
@Component
public class AlertRouting implements RosterCheck {

	/** The routes of one revision of the roster: built again when a reload replaces it. */
	private record Routes(long revision, Map<String, List<OwnedService>> servicesByKeyDigest,
			Optional<OwnedService> triage) {
	}

	private final Roster roster;
	private volatile Routes routes;

	AlertRouting(Roster roster) {
		this.roster = roster;
		List<String> problems = problems(roster);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("config/services.yaml has mistakes:\n  " + String.join("\n  ", problems));
		}
		this.routes = routes(roster);
	}

	@Override
	public List<String> problems(Roster candidate) {
		List<String> problems = new ArrayList<>();
		candidate.services().forEach(service -> check(problems, service));
		boolean anyKeys = candidate.services().stream().anyMatch(service -> !service.integrationKeys().isEmpty());
		if (anyKeys && candidate.triageService().isEmpty()) {
			problems.add("services with integration keys need a triageService for alerts from unknown services");
		}
		return problems;
	}

	private static Routes routes(Roster roster) {
		long revision = roster.revision();
		Map<String, List<OwnedService>> byDigest = new HashMap<>();
		for (OwnedService service : roster.services()) {
			service.integrationKeys().forEach(key -> byDigest
				.computeIfAbsent(Digests.sha256(key.strip()), digest -> new ArrayList<>()).add(service));
		}
		return new Routes(revision, byDigest, roster.triageService());
	}

	// a reload replaced the roster: the routes follow at the next alert (a volatile read otherwise)
	private Routes current() {
		Routes current = routes;
		if (current.revision() != roster.revision()) {
			current = routes(roster);
			routes = current;
		}
		return current;
	}

	private static void check(List<String> problems, OwnedService service) {
		try {
			Impact.of(service.defaultImpact());
		}
		catch (InvalidInput e) {
			problems.add("service '" + service.id() + "': defaultImpact " + e.getMessage().substring("impact ".length()));
		}
		try {
			IncidentType.of(service.incidentType());
		}
		catch (InvalidInput e) {
			problems.add("service '" + service.id() + "': incidentType " + e.getMessage().substring("type ".length()));
		}
	}

	/** The services that {@code integrationKey} may send alerts for; empty if it is nobody's key. */
	List<OwnedService> servicesOf(String integrationKey) {
		if (integrationKey == null || integrationKey.isBlank()) {
			return List.of();
		}
		return current().servicesByKeyDigest().getOrDefault(Digests.sha256(integrationKey.strip()), List.of());
	}

	/** @throws UnknownIntegrationKey if the key belongs to no service */
	public OwnedService route(String integrationKey, List<String> serviceHints) {
		List<OwnedService> allowed = servicesOf(integrationKey);
		if (allowed.isEmpty()) {
			throw new UnknownIntegrationKey();
		}
		for (String hint : serviceHints) {
			String id = hint.strip().toLowerCase(Locale.ROOT);
			Optional<OwnedService> named = allowed.stream().filter(service -> service.id().equals(id)).findFirst();
			if (named.isPresent()) {
				return named.get();
			}
		}
		return allowed.size() == 1 ? allowed.get(0) : current().triage().orElseThrow();
	}

	void requireKnown(String integrationKey) {
		if (servicesOf(integrationKey).isEmpty()) {
			throw new UnknownIntegrationKey();
		}
	}
}
