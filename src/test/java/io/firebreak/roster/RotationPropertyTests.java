package io.firebreak.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The rotation arithmetic over random layers: daily and weekly, any start, any hand-off time
 * (those inside a daylight-saving gap too), zones with and without daylight saving and with odd
 * offsets, one to five members.
 */
class RotationPropertyTests {

	private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "Europe/London", "America/New_York",
			"Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo");

	record Schedule(Team team, Layer layer, ZoneId zone) {

		Instant first() {
			return ZonedDateTime.of(LocalDate.parse(layer.start()), LocalTime.parse(layer.handOff()), zone).toInstant();
		}
	}

	@Provide
	Arbitrary<Schedule> schedules() {
		Arbitrary<String> rotation = Arbitraries.of("daily", "weekly");
		Arbitrary<LocalDate> start = Arbitraries.longs().between(0, 3650).map(days -> LocalDate.of(2020, 1, 1).plusDays(days));
		Arbitrary<LocalTime> handOff = Arbitraries.integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, q % 4 * 15));
		Arbitrary<String> zone = Arbitraries.of(ZONES);
		Arbitrary<Integer> members = Arbitraries.integers().between(1, 5);
		return Combinators.combine(rotation, start, handOff, zone, members).as((r, s, h, z, m) -> {
			List<String> people = IntStream.range(0, m).mapToObj(i -> "p" + i).toList();
			Layer layer = new Layer("primary", "Primary", r, s.toString(), h.toString(), null, people);
			Team team = new Team("t", "T", null, z, List.of(layer), null, null);
			return new Schedule(team, layer, ZoneId.of(z));
		});
	}

	@Property
	void everyMomentAfterTheStartIsCoveredByExactlyOneShift(@ForAll("schedules") Schedule schedule,
			@ForAll @LongRange(min = 0, max = 4L * 365 * 24 * 3600) long secondsAfterStart) {
		Instant at = schedule.first().plusSeconds(secondsAfterStart);

		Shift shift = schedule.team().shiftAt(schedule.layer(), at).orElseThrow();
		List<Shift> around = schedule.team().shiftsBetween(at.minus(Duration.ofDays(20)), at.plus(Duration.ofDays(20)));

		assertThat(shift.covers(at)).isTrue();
		assertThat(around.stream().filter(s -> s.covers(at)).toList()).containsExactly(shift);
	}

	@Property
	void nobodyIsOnCallBeforeTheFirstHandOff(@ForAll("schedules") Schedule schedule,
			@ForAll @LongRange(min = 1, max = 400L * 24 * 3600) long secondsBefore) {
		assertThat(schedule.team().shiftAt(schedule.layer(), schedule.first().minusSeconds(secondsBefore))).isEmpty();
	}

	@Property
	void shiftsAreContiguousStartAtTheHandOffTimeAndTakeTurnsInOrder(@ForAll("schedules") Schedule schedule,
			@ForAll @LongRange(min = 0, max = 3L * 365) long daysAfterStart, @ForAll @IntRange(min = 1, max = 120) int days) {
		Instant from = schedule.first().plus(Duration.ofDays(daysAfterStart));
		List<Shift> shifts = schedule.team().shiftsBetween(from, from.plus(Duration.ofDays(days)));
		Layer layer = schedule.layer();
		LocalDate start = LocalDate.parse(layer.start());
		LocalTime handOff = LocalTime.parse(layer.handOff());

		assertThat(shifts).isNotEmpty();
		assertThat(shifts.get(0).covers(from)).isTrue();
		for (int i = 0; i < shifts.size(); i++) {
			Shift shift = shifts.get(i);
			LocalDate day = shift.from().atZone(schedule.zone()).toLocalDate();
			long turn = ChronoUnit.DAYS.between(start, day) / layer.turnDays();
			assertThat(ChronoUnit.DAYS.between(start, day) % layer.turnDays()).as("a turn starts on a hand-off day")
				.isZero();
			// at the hand-off time on the wall clock, or where a daylight-saving gap moves it
			assertThat(shift.from()).isEqualTo(ZonedDateTime.of(day, handOff, schedule.zone()).toInstant());
			assertThat(shift.person()).isEqualTo(layer.members().get((int) (turn % layer.members().size())));
			assertThat(Duration.between(shift.from(), shift.until()))
				.isBetween(Duration.ofDays(layer.turnDays()).minusHours(3), Duration.ofDays(layer.turnDays()).plusHours(3));
			if (i > 0) {
				assertThat(shift.from()).as("contiguous").isEqualTo(shifts.get(i - 1).until());
			}
		}
	}

	@Property
	void shiftAtAndShiftsBetweenAgreeAroundAnOverride(@ForAll("schedules") Schedule plain,
			@ForAll @LongRange(min = 0, max = 60L * 24 * 3600) long overrideStartsAfter,
			@ForAll @LongRange(min = 60, max = 20L * 24 * 3600) long overrideLasts,
			@ForAll @LongRange(min = 0, max = 90L * 24 * 3600) long probeAfter) {
		Instant overrideFrom = plain.first().plusSeconds(overrideStartsAfter);
		ShiftOverride swap = new ShiftOverride("primary", "stand-in", overrideFrom.toString(),
				overrideFrom.plusSeconds(overrideLasts).toString(), "swap");
		Team team = new Team("t", "T", null, plain.zone().getId(), List.of(plain.layer()), List.of(swap), null);
		Instant at = plain.first().plusSeconds(probeAfter);

		Shift shift = team.shiftAt(plain.layer(), at).orElseThrow();
		List<Shift> around = team.shiftsBetween(plain.first(), plain.first().plus(Duration.ofDays(100)));

		assertThat(around.stream().filter(s -> s.covers(at)).toList()).containsExactly(shift);
		assertThat(shift.person().equals("stand-in")).isEqualTo(swap.fromIn(plain.zone()).compareTo(at) <= 0
				&& at.isBefore(swap.untilIn(plain.zone())));
		for (int i = 1; i < around.size(); i++) {
			assertThat(around.get(i).from()).as("contiguous with the override cut in").isEqualTo(around.get(i - 1).until());
		}
	}
}
