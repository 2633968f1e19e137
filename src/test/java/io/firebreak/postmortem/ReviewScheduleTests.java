package io.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business days skip the weekend; the deadline is the end of the day in UTC. */
class ReviewScheduleTests {

	static ReviewSchedule schedule(String now, int businessDays) {
		return new ReviewSchedule(Clock.fixed(Instant.parse(now), ZoneOffset.UTC), businessDays, Duration.ofHours(1));
	}

	@ParameterizedTest(name = "{0} + {1} business days -> {2}")
	@CsvSource({
			// Friday 2026-11-27
			"2026-11-27T10:00:00Z, 1, 2026-11-30T23:59:59.999Z", // Friday + 1 -> Monday
			"2026-11-27T23:30:00Z, 1, 2026-11-30T23:59:59.999Z",
			"2026-11-27T10:00:00Z, 5, 2026-12-04T23:59:59.999Z", // a whole week -> next Friday
			"2026-11-27T10:00:00Z, 6, 2026-12-07T23:59:59.999Z", // over two weekends
			"2026-11-24T08:00:00Z, 1, 2026-11-25T23:59:59.999Z", // Tuesday + 1 -> Wednesday
			"2026-11-24T08:00:00Z, 5, 2026-12-01T23:59:59.999Z", // Tuesday + 5 -> next Tuesday
			"2026-11-26T08:00:00Z, 2, 2026-11-30T23:59:59.999Z", // Thursday + 2 -> Monday
			"2026-11-28T12:00:00Z, 1, 2026-11-30T23:59:59.999Z", // Saturday + 1 -> Monday
			"2026-11-29T12:00:00Z, 1, 2026-11-30T23:59:59.999Z", // Sunday + 1 -> Monday
			"2026-11-29T12:00:00Z, 5, 2026-12-04T23:59:59.999Z", // Sunday + 5 -> Friday
			"2026-11-27T10:00:00Z, 0, 2026-11-27T23:59:59.999Z", // 0: the end of today
	})
	void countsBusinessDaysFromTheClocksNow(String now, int businessDays, String deadline) {
		assertThat(schedule(now, businessDays).deadline().toInstant()).isEqualTo(Instant.parse(deadline));
	}

	@Test
	void theDeadlineAfterAGivenMomentIgnoresTheClock() {
		ReviewSchedule schedule = schedule("2030-01-01T00:00:00Z", 1);

		assertThat(schedule.deadlineAfter(Instant.parse("2026-11-27T10:00:00Z")).toInstant())
			.isEqualTo(Instant.parse("2026-11-30T23:59:59.999Z"));
	}

	@Test
	void aDayEndsAtMidnightUtcWhateverTheClocksZone() {
		// 23:30 on Friday in New York is already Saturday in UTC: one business day later is Monday
		ReviewSchedule schedule = new ReviewSchedule(
				Clock.fixed(Instant.parse("2026-11-28T04:30:00Z"), java.time.ZoneId.of("America/New_York")), 1,
				Duration.ofHours(1));

		assertThat(schedule.deadline().toInstant()).isEqualTo(Instant.parse("2026-11-30T23:59:59.999Z"));
	}

	@Test
	void theMeetingLengthIsConfiguredAndBadSettingsSayWhatToFix() {
		assertThat(new ReviewSchedule(Clock.systemUTC(), 5, Duration.ofMinutes(90)).length())
			.isEqualTo(Duration.ofMinutes(90));
		assertThatThrownBy(() -> new ReviewSchedule(Clock.systemUTC(), -1, Duration.ofHours(1)))
			.hasMessageContaining("firebreak.postmortem.review-within-business-days is -1");
		assertThatThrownBy(() -> new ReviewSchedule(Clock.systemUTC(), 5, Duration.ZERO))
			.hasMessageContaining("firebreak.postmortem.review-length is PT0S");
	}
}
