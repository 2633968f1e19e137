package io.firebreak.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rotation arithmetic at its edges: daylight saving, the hand-off second, overrides; and escalation. */
class ScheduleTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static Team daily(String handOff, List<ShiftOverride> overrides, String... members) {
		Layer layer = new Layer("primary", "Primary", "daily", "2026-03-01", handOff, null, List.of(members));
		return new Team("platform", "Platform", null, "Europe/Berlin", List.of(layer), overrides, null);
	}

	static Shift at(Team team, String instant) {
		return team.shiftAt(team.layers().get(0), Instant.parse(instant)).orElseThrow();
	}

	@Test
	void springForwardMakesTheShiftAnHourShorterButStillHandsOffAtNineLocal() {
		Team team = daily("09:00", null, "a", "b");

		Shift overTheChange = at(team, "2026-03-29T03:00:00Z");

		assertThat(overTheChange.from()).isEqualTo("2026-03-28T08:00:00Z");
		assertThat(overTheChange.until()).isEqualTo("2026-03-29T07:00:00Z");
		assertThat(Duration.between(overTheChange.from(), overTheChange.until())).isEqualTo(Duration.ofHours(23));
		assertThat(overTheChange.until().atZone(BERLIN).toLocalTime()).hasToString("09:00");
	}

	@Test
	void fallBackMakesTheShiftAnHourLongerButStillHandsOffAtNineLocal() {
		Team team = daily("09:00", null, "a", "b");

		Shift overTheChange = at(team, "2026-10-25T01:30:00Z");

		assertThat(overTheChange.from()).isEqualTo("2026-10-24T07:00:00Z");
		assertThat(overTheChange.until()).isEqualTo("2026-10-25T08:00:00Z");
		assertThat(Duration.between(overTheChange.from(), overTheChange.until())).isEqualTo(Duration.ofHours(25));
		assertThat(overTheChange.from().atZone(BERLIN).toLocalTime()).hasToString("09:00");
	}

	@Test
	void theHandOffSecondBelongsToTheNextPerson() {
		Team team = daily("09:00", null, "a", "b");
		// 2026-03-01 is turn 0 (a), 2026-03-02 turn 1 (b); 09:00 CET is 08:00 UTC
		assertThat(at(team, "2026-03-02T07:59:59Z").person()).isEqualTo("a");
		assertThat(at(team, "2026-03-02T08:00:00Z").person()).isEqualTo("b");
		assertThat(team.shiftAt(team.layers().get(0), Instant.parse("2026-03-01T07:59:59Z"))).as("before the first turn")
			.isEmpty();
	}

	@Test
	void aHandOffInsideTheSpringForwardGapMovesOnByTheGapThatDayOnly() {
		Team team = daily("02:30", null, "a", "b");

		Shift gapDay = at(team, "2026-03-29T02:00:00Z");

		// 02:30 does not exist on 2026-03-29 in Berlin: the hand-off happens at 03:30 CEST (01:30 UTC)
		assertThat(gapDay.from()).isEqualTo("2026-03-29T01:30:00Z");
		assertThat(gapDay.from().atZone(BERLIN).toLocalTime()).hasToString("03:30");
		assertThat(gapDay.until()).isEqualTo("2026-03-30T00:30:00Z");
		assertThat(gapDay.until().atZone(BERLIN).toLocalTime()).hasToString("02:30");
		assertThat(at(team, "2026-03-29T01:29:59Z").until()).isEqualTo(gapDay.from());
	}

	@Test
	void anOverrideSplitsAShiftAndShiftAtAgreesWithShiftsBetween() {
		ShiftOverride dentist = new ShiftOverride("primary", "c", "2026-03-03T12:00", "2026-03-03T15:00", "dentist");
		Team team = daily("09:00", List.of(dentist), "a", "b");
		Instant from = Instant.parse("2026-03-03T08:00:00Z");

		List<Shift> day = team.shiftsBetween(from, from.plus(Duration.ofDays(1)));

		assertThat(day).extracting(Shift::person, Shift::reason).containsExactly(
				org.assertj.core.groups.Tuple.tuple("a", null), org.assertj.core.groups.Tuple.tuple("c", "dentist"),
				org.assertj.core.groups.Tuple.tuple("a", null));
		assertThat(day.get(1).from()).isEqualTo(ZonedDateTime.of(2026, 3, 3, 12, 0, 0, 0, BERLIN).toInstant());
		assertThat(day.get(0).until()).isEqualTo(day.get(1).from());
		assertThat(day.get(2).from()).isEqualTo(day.get(1).until());
		for (Shift piece : day) {
			for (Instant probe : List.of(piece.from(), piece.until().minusSeconds(1))) {
				assertThat(team.shiftAt(team.layers().get(0), probe)).hasValue(piece);
			}
		}
	}

	@Test
	void theEscalationRunsEveryLevelOncePerRoundThenTheCommanders() throws Exception {
		Roster demo = DemoRoster.load();
		Team platform = demo.team("platform").orElseThrow();

		List<EscalationStep> steps = demo.escalationAt(platform, Instant.parse("2026-06-10T12:00:00Z"));

		assertThat(steps).extracting(EscalationStep::number, EscalationStep::round, EscalationStep::level,
				EscalationStep::target, step -> step.people().stream().map(Person::id).toList(),
				EscalationStep::ackTimeout, EscalationStep::last)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(0, 1, 1, "layer:primary", List.of("oncall"), null, false),
					org.assertj.core.groups.Tuple.tuple(1, 1, 2, "layer:secondary", List.of("oncall2"), null, false),
					org.assertj.core.groups.Tuple.tuple(2, 1, 3, "manager", List.of("ic"), Duration.ofMinutes(15), false),
					org.assertj.core.groups.Tuple.tuple(3, 2, 1, "layer:primary", List.of("oncall"), null, false),
					org.assertj.core.groups.Tuple.tuple(4, 2, 2, "layer:secondary", List.of("oncall2"), null, false),
					org.assertj.core.groups.Tuple.tuple(5, 2, 3, "manager", List.of("ic"), Duration.ofMinutes(15), false),
					org.assertj.core.groups.Tuple.tuple(6, 2, 4, "commanders", List.of("ic", "admin"), null, true));
		assertThat(steps.get(0).description()).isEqualTo("Primary on-call of Platform");
	}

	@Test
	void theDemoOverridePutsAdminOnSecurityOverChristmasWithItsReason() throws Exception {
		Roster demo = DemoRoster.load();
		Team security = demo.team("security").orElseThrow();

		List<Shift> christmas = demo.onCallAt(security, Instant.parse("2026-12-25T12:00:00Z"));

		assertThat(christmas).extracting(Shift::person, Shift::reason).containsExactly(
				org.assertj.core.groups.Tuple.tuple("admin", "Sam's Christmas leave"));
		assertThat(christmas.get(0).until()).isEqualTo("2026-12-28T10:00:00Z");
		assertThat(demo.nextHandOff(security, Instant.parse("2026-12-25T12:00:00Z"))).hasValue(christmas.get(0).until());
		assertThat(demo.chainAt(security, Instant.parse("2026-12-25T12:00:00Z"))).extracting(Person::id)
			.startsWith("admin");
	}
}
