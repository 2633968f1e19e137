package io.firebreak.incident;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.springframework.stereotype.Component;

/** Used by the plan's due-date expressions: {@code ${taskDueDates.after(taskDueIn)}}. */
@Component
public class TaskDueDates {

	private final Clock clock;

	TaskDueDates(Clock clock) {
		this.clock = clock;
	}

	public Date after(String isoDuration) {
		return Date.from(clock.instant().plus(Duration.parse(isoDuration)));
	}
}
