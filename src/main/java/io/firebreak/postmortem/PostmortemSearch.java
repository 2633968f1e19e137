package io.firebreak.postmortem;

import java.time.LocalDate;

import io.firebreak.incident.Severity;
import io.firebreak.system.DateParameter;
import io.firebreak.system.InvalidInput;

/**
 * The list page's filters, each optional: the incident's service and severity, declared between
 * {@code from} and {@code to} (whole days, UTC, both included), and words {@code q} anywhere in
 * the incident's title or summary, the postmortem's sections or its action items.
 */
public record PostmortemSearch(String service, Severity severity, LocalDate from, LocalDate to, String q) {

	public static final int QUERY_MAX = 200;
	public static final PostmortemSearch ALL = new PostmortemSearch(null, null, null, null, null);

	public PostmortemSearch {
		service = blankToNull(service);
		q = blankToNull(q);
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidInput("to", "to (" + to + ") is before from (" + from + "): swap them");
		}
		if (q != null && q.length() > QUERY_MAX) {
			throw new InvalidInput("q", "search for at most " + QUERY_MAX + " characters");
		}
	}

	/** The filters as a browser sends them; blank is no filter. */
	public static PostmortemSearch of(String service, String severity, String from, String to, String q) {
		String chosen = blankToNull(severity);
		return new PostmortemSearch(service, chosen == null ? null : Severity.of("severity", chosen),
				DateParameter.optional("from", from), DateParameter.optional("to", to), q);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
