package io.firebreak.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import io.firebreak.incident.Severity;
import io.firebreak.roster.Roster;
import io.firebreak.system.DateParameter;
import io.firebreak.system.InvalidInput;

/**
 * What an auditor searches for: a period (whole days, UTC; or a month), narrowed by service,
 * severity, plan (key, or key and version) or person. Each parameter is checked here, so that a
 * bad one is answered with a 400 naming it and what to write instead.
 */
record AuditQuery(LocalDate from, LocalDate to, String service, Severity severity, String planKey, Integer planVersion,
		String person) {

	private static final Pattern PERSON = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
	private static final Pattern PLAN = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)(?::(\\d+))?");

	/** Without a period, the last 30 days up to today. */
	static AuditQuery of(String month, String from, String to, String service, String severity, String plan,
			String person, Roster roster, LocalDate today) {
		LocalDate first;
		LocalDate last;
		if (present(month)) {
			if (present(from) || present(to)) {
				throw new InvalidInput("month", "give either month or from/to, not both");
			}
			YearMonth chosen = month("month", month);
			first = chosen.atDay(1);
			last = chosen.atEndOfMonth();
		}
		else {
			last = present(to) ? DateParameter.optional("to", to) : today;
			first = present(from) ? DateParameter.optional("from", from) : last.minusDays(29);
		}
		if (first.isAfter(last)) {
			throw new InvalidInput("from", "from (%s) must not be after to (%s)".formatted(first, last));
		}
		String chosenService = present(service) ? roster.requireService("service", service.strip()) : null;
		Severity chosenSeverity = present(severity) ? Severity.of("severity", severity.strip()) : null;
		String planKey = null;
		Integer planVersion = null;
		if (present(plan)) {
			var matcher = PLAN.matcher(plan.strip());
			if (!matcher.matches()) {
				throw new InvalidInput("plan",
						"plan must be a plan's key, or its key and version like incident-response:3 (was '" + plan + "')");
			}
			planKey = matcher.group(1);
			planVersion = matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2));
		}
		if (present(person) && !PERSON.matcher(person.strip()).matches()) {
			throw new InvalidInput("person", "person must be a user id like ic (was '" + person + "')");
		}
		return new AuditQuery(first, last, chosenService, chosenSeverity, planKey, planVersion,
				present(person) ? person.strip() : null);
	}

	Instant start() {
		return from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** Exclusive: the start of the day after {@link #to}. */
	Instant end() {
		return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static YearMonth month(String field, String value) {
		try {
			return YearMonth.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInput(field, field + " must be a month like 2026-03 (was '" + value + "')");
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}
}
