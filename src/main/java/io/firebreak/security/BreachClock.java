package io.firebreak.security;

import java.time.Instant;
import java.util.List;

/**
 * A security incident's regulatory clock at {@code now}: awareness, each deadline, each notification
 * made, and the reminders the plan will still send.
 */
public record BreachClock(BreachAssessment assessment, List<BreachObligation> obligations, List<Reminder> reminders,
		Instant now) {

	/** A timer of the plan waiting on an obligation: a reminder before its deadline, or the deadline itself. */
	public record Reminder(String obligation, Instant at) {
	}

	/** "2026-12-01 09:00 UTC (48 h before)", "2026-12-02 09:00 UTC (the deadline)": the reminders still to come. */
	public List<String> remindersOf(BreachObligation obligation) {
		return reminders.stream().filter(reminder -> reminder.obligation().equals(obligation.obligation()))
			.map(reminder -> at(reminder.at()) + (reminder.at().equals(obligation.deadlineAt()) ? " (the deadline: escalates)"
					: " (" + BreachObligation.hoursAndMinutes(java.time.Duration.between(reminder.at(), obligation.deadlineAt()))
							+ " before)"))
			.toList();
	}

	public String awareAt() {
		return BreachNotifications.UTC.format(assessment.awareAt());
	}

	public String at(Instant instant) {
		return instant == null ? "" : BreachNotifications.UTC.format(instant);
	}

	/** "due in 47 h 12 min", "overdue by 3 h", "sent 20 h before the deadline", "sent 3 h late". */
	public String state(BreachObligation obligation) {
		String margin = BreachObligation.hoursAndMinutes(obligation.margin(now));
		if (obligation.met()) {
			return obligation.late() ? "sent " + margin + " late" : "sent " + margin + " before the deadline";
		}
		return obligation.overdue(now) ? "OVERDUE by " + margin : "due in " + margin;
	}
}
