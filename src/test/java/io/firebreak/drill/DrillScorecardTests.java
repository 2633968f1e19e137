package io.firebreak.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.firebreak.drill.DrillScorecard.Result;
import io.firebreak.drill.DrillScorecard.Step;

/** The scorecard's arithmetic: actual against target, margins, the pending and the never reached. */
class DrillScorecardTests {

	static final Instant DECLARED = Instant.parse("2026-11-02T10:00:00Z");
	static final Duration TARGET = Duration.ofMinutes(30);

	@Test
	void aStepReachedWithinItsTargetIsMetAndItsMarginIsNegative() {
		Step step = Step.of("contain", TARGET, DECLARED, DECLARED.plus(Duration.ofMinutes(25)), DECLARED.plusSeconds(7200),
				true);

		assertThat(step.actual()).isEqualTo(Duration.ofMinutes(25));
		assertThat(step.result()).isEqualTo(Result.MET);
		assertThat(step.margin()).isEqualTo(Duration.ofMinutes(-5));
		assertThat(step.marginText()).isEqualTo("-5 min");
	}

	@Test
	void aStepReachedExactlyAtItsTargetIsMet() {
		assertThat(Step.of("contain", TARGET, DECLARED, DECLARED.plus(TARGET), DECLARED.plus(TARGET), false).result())
			.isEqualTo(Result.MET);
	}

	@Test
	void aStepReachedASecondLateIsMissed() {
		Step step = Step.of("contain", TARGET, DECLARED, DECLARED.plus(TARGET).plusSeconds(1), DECLARED.plus(TARGET),
				false);

		assertThat(step.result()).isEqualTo(Result.MISSED);
		assertThat(step.margin()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void aStepNotYetReachedIsPendingUntilItsTargetPassesThenMissed() {
		assertThat(Step.of("contain", TARGET, DECLARED, null, DECLARED.plus(TARGET), false).result())
			.isEqualTo(Result.PENDING);
		Step late = Step.of("contain", TARGET, DECLARED, null, DECLARED.plus(TARGET).plusSeconds(1), false);
		assertThat(late.result()).isEqualTo(Result.MISSED);
		assertThat(late.actual()).isNull();
		assertThat(late.margin()).isNull();
		assertThat(late.actualText()).isEqualTo("–");
	}

	@Test
	void aStepNeverReachedByTheDrillsEndIsMissedEvenBeforeItsTarget() {
		assertThat(Step.of("contain", TARGET, DECLARED, null, DECLARED.plusSeconds(60), true).result())
			.isEqualTo(Result.MISSED);
	}

	@Test
	void theScoreCountsTheTargetsMet() {
		Drill drill = new Drill("INC-2026-0001", "s", "S", "incident-response", "ic", DECLARED, "pi",
				new DrillScenario.Targets(Duration.ofMinutes(5), TARGET, Duration.ofHours(1)), 2, 2, DECLARED);
		DrillScorecard card = new DrillScorecard(drill, "CLOSED", "SEV2", List.of(
				new Step("acknowledge", Duration.ofMinutes(5), Duration.ofMinutes(3), Result.MET),
				new Step("contain", TARGET, Duration.ofMinutes(25), Result.MET),
				new Step("mitigate", Duration.ofHours(1), Duration.ofMinutes(70), Result.MISSED)), List.of());

		assertThat(card.met()).isEqualTo(2);
		assertThat(card.score()).isEqualTo("2 of 3 targets met");
		assertThat(card.scored()).isTrue();
	}

	@Test
	void durationsReadAsPeopleSayThem() {
		assertThat(DrillDurations.text(Duration.ofMinutes(5))).isEqualTo("5 min");
		assertThat(DrillDurations.text(Duration.ofMinutes(62))).isEqualTo("1 h 2 min");
		assertThat(DrillDurations.text(Duration.ofSeconds(3725))).isEqualTo("1 h 2 min 5 s");
		assertThat(DrillDurations.text(Duration.ofSeconds(-30))).isEqualTo("-30 s");
		assertThat(DrillDurations.text(Duration.ZERO)).isEqualTo("0 s");
		assertThat(DrillDurations.text(Duration.ofHours(2))).isEqualTo("2 h");
		assertThat(DrillDurations.text(null)).isEqualTo("–");
	}
}
