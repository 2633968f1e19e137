package io.firebreak.postmortem;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a postmortem's timeline: when, where it was learnt from ({@code record} for the
 * incident record, {@code task} for a plan's user task, {@code notification}, {@code alert}), who
 * (null for Firebreak itself) and what.
 */
public record TimelineEntry(Instant at, String source, String actor, String text) {

	public static final String RECORD = "record";
	public static final String TASK = "task";
	public static final String NOTIFICATION = "notification";
	public static final String ALERT = "alert";

	public TimelineEntry {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(source, "source");
		text = text == null ? "" : text;
	}
}
