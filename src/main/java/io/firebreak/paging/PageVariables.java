package io.firebreak.paging;

import static io.firebreak.incident.IncidentResponseVariables.ACK_TIMEOUT;
import static io.firebreak.incident.IncidentResponseVariables.ESCALATION_EXHAUSTED;
import static io.firebreak.incident.IncidentResponseVariables.ESCALATION_LEVEL;
import static io.firebreak.incident.IncidentResponseVariables.PAGED_RESPONDER;
import static io.firebreak.incident.IncidentResponseVariables.PAGE_ACK_TIMEOUT;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import io.firebreak.incident.IncidentResponseVariables;

/** What the paging blocks read from and leave in the plan's variables. */
final class PageVariables {

	/** When a plan pages before any priority table ran. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

	private PageVariables() {
	}

	/** The severity's acknowledgement timeout from the priority table ({@code ackTimeout}). */
	static Duration severityTimeout(IncidentResponseVariables variables) {
		String text = variables.text(ACK_TIMEOUT);
		if (text == null || text.isBlank()) {
			return DEFAULT_TIMEOUT;
		}
		try {
			return Duration.parse(text);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("Page on-call: the variable " + ACK_TIMEOUT
					+ " must be an ISO-8601 duration such as PT5M (was '" + text + "')", e);
		}
	}

	/** The page's responder, step and timeout, for the acknowledgement task and its timer. */
	static void record(IncidentResponseVariables variables, Pager.Page page) {
		variables.set(PAGED_RESPONDER, page.responder());
		variables.set(ESCALATION_LEVEL, page.step());
		variables.set(PAGE_ACK_TIMEOUT, page.ackTimeout().toString());
		variables.set(ESCALATION_EXHAUSTED, page.last());
	}
}
