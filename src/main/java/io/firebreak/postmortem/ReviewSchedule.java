package io.firebreak.postmortem;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the post-incident review is due, and how long it lasts. The postmortem plan's timer reads
 * {@code ${reviewSchedule.deadline()}}: the end of the day a number of business days (Monday to
 * Friday) from now, so that a review owed after a Friday incident is not due over the weekend.
 * Public holidays are not known to Firebreak and count as business days.
 */
@Component
public class ReviewSchedule {

	// Firebreak has no organisation-wide time zone (teams and people each have their own), and its
	// mails and records tell time in UTC: a business day ends at midnight UTC.
	static final ZoneId ZONE = ZoneOffset.UTC;

	private final Clock clock;
	private final int businessDays;
	private final Duration length;

	ReviewSchedule(Clock clock, @Value("${firebreak.postmortem.review-within-business-days}") int businessDays,
			@Value("${firebreak.postmortem.review-length}") Duration length) {
		if (businessDays < 0) {
			throw new IllegalArgumentException("firebreak.postmortem.review-within-business-days is " + businessDays
					+ "; give the number of business days (0 or more) within which the review is held");
		}
		if (length.isZero() || length.isNegative()) {
			throw new IllegalArgumentException("firebreak.postmortem.review-length is " + length
					+ "; give the review meeting's length as a positive duration such as PT1H");
		}
		this.clock = clock;
		this.businessDays = businessDays;
		this.length = length;
	}

	/** The end of the day the configured number of business days from now (the engine's now). */
	public Date deadline() {
		return deadlineAfter(clock.instant());
	}

	/**
	 * The end of the day (23:59:59.999 UTC) the configured number of business days after
	 * {@code from}; 0 days is the end of {@code from}'s own day. Counted from a weekend, the first
	 * business day is the Monday.
	 */
	public Date deadlineAfter(Instant from) {
		LocalDate day = from.atZone(ZONE).toLocalDate();
		for (int counted = 0; counted < businessDays;) {
			day = day.plusDays(1);
			if (isBusinessDay(day)) {
				counted++;
			}
		}
		return Date.from(day.atTime(LocalTime.MAX).atZone(ZONE).toInstant());
	}

	/** How long the review meeting is booked for. */
	public Duration length() {
		return length;
	}

	private static boolean isBusinessDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}
}
