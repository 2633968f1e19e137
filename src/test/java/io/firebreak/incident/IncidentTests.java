package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.firebreak.system.InvalidInput;

class IncidentTests {

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	static Incident declared() {
		return Incident.declare(IncidentKey.of(2026, 42),
				IncidentDeclaration.of("Checkout errors", null, "checkout", "significant", "high", null, false), "ic",
				T0, "pi-1");
	}

	static Assessment assessment() {
		return new Assessment(Impact.SIGNIFICANT, Urgency.HIGH, "checkout", null, "ic", "comms", null, null);
	}

	@Test
	void movesThroughTheResponseStepByStep() {
		Incident incident = declared();
		incident.assess(assessment(), T0);
		assertThat(incident.classify(Severity.SEV2)).isEmpty();
		incident.acknowledge("oncall", T0.plusSeconds(60));
		incident.contain(T0.plusSeconds(120));
		incident.mitigate(T0.plusSeconds(180));
		incident.checkRecovery(true);
		incident.resolve(T0.plusSeconds(240));
		incident.close(T0.plusSeconds(300));

		assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
		assertThat(incident.acknowledgedAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(incident.resolvedAt()).isEqualTo(T0.plusSeconds(240));
	}

	@Test
	void cannotBeResolvedBeforeItIsMitigated() {
		Incident incident = declared();

		assertThatThrownBy(() -> incident.resolve(T0)).isInstanceOf(IllegalIncidentTransition.class)
			.hasMessage("Incident INC-2026-0042 cannot be resolved while it is declared");
		assertThat(incident.status()).isEqualTo(IncidentStatus.DECLARED);
		assertThat(incident.resolvedAt()).isNull();
	}

	@Test
	void isAcknowledgedWhileStillBeingAssessedButNotContainedBeforeTheAssessment() {
		Incident incident = declared();
		incident.acknowledge("oncall", T0);

		assertThatThrownBy(() -> incident.contain(T0)).isInstanceOf(IllegalIncidentTransition.class)
			.hasMessage("Incident INC-2026-0042 cannot be contained before it is assessed while it is acknowledged");
		assertThatThrownBy(() -> incident.acknowledge("oncall2", T0)).isInstanceOf(IllegalIncidentTransition.class);
		assertThatThrownBy(() -> incident.close(T0)).isInstanceOf(IllegalIncidentTransition.class);
		incident.assess(assessment(), T0);
		incident.contain(T0);
		assertThat(incident.status()).isEqualTo(IncidentStatus.CONTAINED);
	}

	@Test
	void headlineMarksDrillsAndSeverity() {
		Incident drill = Incident.declare(IncidentKey.of(2026, 7),
				IncidentDeclaration.of("Checkout errors", null, "checkout", "minor", "low", null, true), "ic", T0, "pi");
		assertThat(drill.headline()).isEqualTo("[DRILL][UNTRIAGED][INC-2026-0007] Checkout errors");
		drill.classify(Severity.SEV4);
		assertThat(drill.headline()).isEqualTo("[DRILL][SEV4][INC-2026-0007] Checkout errors");
	}

	@Test
	void aFailedRecoveryCheckReturnsToContainmentKeepingTheFirstTimes() {
		Incident incident = declared();
		incident.assess(assessment(), T0);
		incident.classify(Severity.SEV2);
		incident.acknowledge("oncall", T0);
		incident.contain(T0.plusSeconds(10));
		incident.mitigate(T0.plusSeconds(20));
		incident.checkRecovery(false);
		incident.contain(T0.plusSeconds(30));

		assertThat(incident.status()).isEqualTo(IncidentStatus.CONTAINED);
		assertThat(incident.containedAt()).isEqualTo(T0.plusSeconds(10));
	}

	@Test
	void reportsTheSeverityItReplaces() {
		Incident incident = declared();
		incident.classify(Severity.SEV3);
		assertThat(incident.classify(Severity.SEV1)).contains(Severity.SEV3);
	}

	@Test
	void aDeclarationValidatesEveryField() {
		assertThatThrownBy(() -> IncidentDeclaration.of(" ", null, "checkout", "minor", "low", null, null))
			.isInstanceOf(InvalidInput.class).hasMessage("title is required");
		assertThatThrownBy(() -> IncidentDeclaration.of("x".repeat(201), null, "checkout", "minor", "low", null, null))
			.hasMessage("title is 201 characters long; at most 200 are allowed");
		assertThatThrownBy(() -> IncidentDeclaration.of("t", null, "checkout", "minor", "whenever", null, null))
			.hasMessage("urgency must be one of critical, high, medium, low (was 'whenever')");
		assertThatThrownBy(() -> IncidentDeclaration.of("t", null, "checkout", "minor", "low", "weird", null))
			.hasMessage("type must be one of operational, security (was 'weird')");
		assertThat(IncidentDeclaration.of(" t ", "", "checkout", "minor", "low", null, null))
			.isEqualTo(new IncidentDeclaration("t", null, "checkout", Impact.MINOR, Urgency.LOW, IncidentType.OPERATIONAL,
					false));
	}

	@Test
	void keysHaveTheBriefsFormat() {
		assertThat(IncidentKey.of(2026, 7).value()).isEqualTo("INC-2026-0007");
		assertThat(IncidentKey.of(2026, 12345).value()).isEqualTo("INC-2026-12345");
		assertThat(IncidentKey.isWellFormed("INC-2026-42")).isFalse();
		assertThatThrownBy(() -> new IncidentKey("inc-1")).isInstanceOf(InvalidInput.class);
	}
}
