package io.firebreak.security;

import java.time.Instant;
import java.util.List;

/** A security incident's regulatory clock at {@code now}: awareness, each deadline, and each notification made. */
public record BreachClock(BreachAssessment assessment, List<BreachObligation> obligations, Instant now) {

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
