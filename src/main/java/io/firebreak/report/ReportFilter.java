package io.firebreak.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.firebreak.incident.Severity;
import io.firebreak.system.DateParameter;
import io.firebreak.system.InvalidInput;

/**
 * Which incidents a report covers: those declared from {@code from} to {@code to} (whole days in
 * UTC, both included), optionally of one service and one severity. Drills are never included.
 */
record ReportFilter(LocalDate from, LocalDate to, String service, Severity severity) {

	/** A longer period is refused: the report has a column per month. */
	static final int MAX_YEARS = 10;

	ReportFilter {
		if (from.isAfter(to)) {
			throw new InvalidInput("from", "from (" + from + ") is after to (" + to + "): swap them");
		}
		if (from.plusYears(MAX_YEARS).isBefore(to)) {
			throw new InvalidInput("from", "choose a period of at most " + MAX_YEARS + " years (from " + from + " to "
					+ to + " is longer)");
		}
	}

	/**
	 * The filters as a browser or client sends them; blank is no filter. Without {@code to}, up to
	 * {@code today}; without {@code from}, the last 12 months: from the first day of the month 11
	 * months before {@code to}'s, so that every month shown is a whole one but the last.
	 *
	 * @param services the services a report may be asked for
	 * @throws InvalidInput a date that is not yyyy-mm-dd, from after to, an unknown severity or service
	 */
	static ReportFilter of(String from, String to, String service, String severity, LocalDate today,
			Collection<String> services) {
		LocalDate until = DateParameter.optional("to", to);
		LocalDate end = until == null ? today : until;
		LocalDate start = DateParameter.optional("from", from);
		String chosenService = blankToNull(service);
		if (chosenService != null && !services.contains(chosenService)) {
			throw new InvalidInput("service", "service must be one of " + String.join(", ", services.stream().sorted()
				.toList()) + " (was '" + chosenService + "')");
		}
		String chosenSeverity = blankToNull(severity);
		return new ReportFilter(start == null ? end.withDayOfMonth(1).minusMonths(11) : start, end, chosenService,
				chosenSeverity == null ? null : Severity.of("severity", chosenSeverity));
	}

	/** The first instant of the period. */
	Instant start() {
		return from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first instant after the period. */
	Instant end() {
		return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** Every month the period touches, first to last. */
	List<YearMonth> months() {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			months.add(month);
		}
		return months;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
