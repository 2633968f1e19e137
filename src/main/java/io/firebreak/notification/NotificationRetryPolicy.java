package io.firebreak.notification;

import java.time.Duration;
import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often and how long apart a failed notification job is retried, for the plan's
 * {@code ${notificationRetryPolicy.cycle()}}: a list of ISO durations is Camunda's backoff.
 */
@Component
public class NotificationRetryPolicy {

	private final String intervals;

	NotificationRetryPolicy(@Value("${firebreak.notifications.retry-intervals}") String intervals) {
		Arrays.stream(intervals.split(",")).map(String::strip).forEach(interval -> {
			try {
				Duration.parse(interval);
			}
			catch (RuntimeException e) {
				throw new IllegalStateException("firebreak.notifications.retry-intervals: '" + interval
						+ "' is not an ISO-8601 duration such as PT1M");
			}
		});
		this.intervals = intervals.replace(" ", "");
	}

	public String cycle() {
		return intervals;
	}
}
