package io.firebreak.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.firebreak.incident.Severity;

/**
 * The figures over the incidents declared in a period (drills never included): counts, MTTA,
 * time to contain, time to mitigate and MTTR as p50 and p90 in seconds, all together and per
 * severity, per service and per month; the postmortem completion rate; and the action items
 * overdue now. {@code /reports}, {@code /reports.json} and {@code /reports.csv} all show this one
 * record.
 */
record Report(LocalDate from, LocalDate to, String service, Severity severity, Instant generatedAt,
		String percentileMethod, ReportGroup all, List<ReportGroup> bySeverity, List<ReportGroup> byService,
		List<ReportGroup> byMonth, List<OverdueActionItem> overdueActionItems) {

	static final String PERCENTILE_METHOD = "nearest rank: the time at rank ceil(p/100 * n) of the n times sorted "
			+ "ascending, never interpolated";
}
