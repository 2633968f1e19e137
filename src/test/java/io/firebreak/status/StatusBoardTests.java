package io.firebreak.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firebreak.incident.Assessment;
import io.firebreak.incident.Impact;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.Severity;
import io.firebreak.incident.Urgency;
import io.firebreak.roster.OwnedService;

/** Which incidents the public sees and how they set each service's state, without a database. */
class StatusBoardTests {

	static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
	static final Instant WINDOW_START = NOW.minus(StatusPage.WINDOW);
	static final List<OwnedService> SERVICES = List.of(new OwnedService("checkout", "Checkout", "platform"),
			new OwnedService("payments", "Payments", "platform"), new OwnedService("identity", "Identity", "security"));

	int sequence;

	@Test
	void theWorstOpenIncidentOfAServiceDecidesItsState() {
		StatusBoard board = board(List.of(open("checkout", Severity.SEV3), open("checkout", Severity.SEV2),
				open("payments", Severity.SEV4)), Map.of());

		assertThat(states(board)).containsExactly("checkout=PARTIAL_OUTAGE", "payments=DEGRADED_PERFORMANCE",
				"identity=OPERATIONAL");
		assertThat(board.overall()).isEqualTo(ServiceState.PARTIAL_OUTAGE);
	}

	@Test
	void resolvedIncidentsAreListedButCountForNothing() {
		Incident resolved = resolved("checkout", Severity.SEV1);
		StatusBoard board = board(List.of(resolved, open("checkout", Severity.SEV4)), Map.of());

		assertThat(states(board)).startsWith("checkout=DEGRADED_PERFORMANCE");
		assertThat(board.incidents()).extracting(PublicIncident::key).contains(resolved.key());
		assertThat(board.unresolved()).extracting(PublicIncident::key).doesNotContain(resolved.key());
		PublicIncident listed = board.incidents().stream().filter(i -> i.key().equals(resolved.key())).findFirst()
			.orElseThrow();
		assertThat(listed.impact()).isEqualTo(ServiceState.MAJOR_OUTAGE);
		assertThat(listed.resolvedAt()).isEqualTo(NOW.minusSeconds(60));
	}

	@Test
	void aDrillNeverAppearsNorCountsEvenWithPublishedUpdates() {
		Incident drill = declare("checkout", null, true, Severity.SEV1);
		StatusBoard board = board(List.of(drill), Map.of(drill.key(), List.of(update(drill.key(), "practice"))));

		assertThat(board.incidents()).isEmpty();
		assertThat(board.overall()).isEqualTo(ServiceState.OPERATIONAL);
		assertThat(board.publishedUpdates()).isEmpty();
	}

	@Test
	void aSecurityIncidentAppearsAndCountsOnlyOnceAnUpdateIsPublished() {
		Incident security = declare("identity", "security", false, Severity.SEV1);

		StatusBoard unpublished = board(List.of(security), Map.of());
		assertThat(unpublished.incidents()).isEmpty();
		assertThat(states(unpublished)).contains("identity=OPERATIONAL");

		StatusBoard published = board(List.of(security),
				Map.of(security.key(), List.of(update(security.key(), "Sign-in is unavailable"))));
		assertThat(published.incidents()).extracting(PublicIncident::key).containsExactly(security.key());
		assertThat(states(published)).contains("identity=MAJOR_OUTAGE");
	}

	@Test
	void anIncidentOnAServiceThePageDoesNotShowDoesNotAppear() {
		StatusBoard board = board(List.of(open("triage", Severity.SEV1)), Map.of());

		assertThat(board.incidents()).isEmpty();
		assertThat(board.overall()).isEqualTo(ServiceState.OPERATIONAL);
	}

	@Test
	void anIncidentIsNamedByItsServiceAndStatedByItsLatestUpdate() {
		Incident incident = open("payments", Severity.SEV2);
		CustomerUpdate first = update(incident.key(), "Looking into it", CustomerUpdateStatus.INVESTIGATING, 1);
		CustomerUpdate second = update(incident.key(), "Fix deployed", CustomerUpdateStatus.MONITORING, 2);
		PublicIncident shown = board(List.of(incident), Map.of(incident.key(), List.of(first, second))).incidents()
			.get(0);

		assertThat(shown.name()).isEqualTo("Incident on Payments");
		assertThat(shown.status()).isEqualTo(CustomerUpdateStatus.MONITORING);
		assertThat(shown.monitoringAt()).isEqualTo(second.postedAt());
		assertThat(shown.updatesNewestFirst()).containsExactly(second, first);
		assertThat(open("payments", Severity.SEV3)).satisfies(
				bare -> assertThat(board(List.of(bare), Map.of()).incidents().get(0).status())
					.isEqualTo(CustomerUpdateStatus.INVESTIGATING));
	}

	StatusBoard board(List<Incident> incidents, Map<IncidentKey, List<CustomerUpdate>> updates) {
		return StatusBoard.of(SERVICES, incidents, updates, NOW, WINDOW_START);
	}

	static List<String> states(StatusBoard board) {
		return board.services().stream().map(service -> service.id() + "=" + service.state()).toList();
	}

	Incident open(String service, Severity severity) {
		return declare(service, null, false, severity);
	}

	Incident resolved(String service, Severity severity) {
		Incident incident = open(service, severity);
		incident.assess(new Assessment(Impact.EXTENSIVE, Urgency.CRITICAL, service, null, "ic", "comms", null, null),
				NOW.minusSeconds(600));
		incident.acknowledge("oncall", NOW.minusSeconds(500));
		incident.contain(NOW.minusSeconds(400));
		incident.mitigate(NOW.minusSeconds(300));
		incident.checkRecovery(true);
		incident.resolve(NOW.minusSeconds(60));
		return incident;
	}

	Incident declare(String service, String type, boolean drill, Severity severity) {
		sequence++;
		Incident incident = Incident.declare(IncidentKey.of(2026, sequence),
				IncidentDeclaration.of("Internal title " + sequence, null, service, "extensive", "critical", type, drill),
				"ic", NOW.minusSeconds(3600 - sequence), "pi-" + sequence);
		incident.classify(severity);
		return incident;
	}

	static CustomerUpdate update(IncidentKey key, String message) {
		return update(key, message, CustomerUpdateStatus.INVESTIGATING, 1);
	}

	static CustomerUpdate update(IncidentKey key, String message, CustomerUpdateStatus status, long id) {
		return new CustomerUpdate(id, key, NOW.minusSeconds(1000 - id), message, status, "comms");
	}
}
