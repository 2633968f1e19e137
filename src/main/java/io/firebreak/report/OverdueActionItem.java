package io.firebreak.report;

import java.time.LocalDate;

import io.firebreak.incident.Severity;

/**
 * An action item still open past its due time (the end of its due date in its owner's time zone, as
 * its follow-up counts it), with the service and severity of its incident; {@code drill} items are
 * never reported.
 */
record OverdueActionItem(String incident, String title, String owner, String ownerName, LocalDate dueDate,
		String priority, String service, Severity severity, boolean drill) {
}
