package io.firebreak.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A report as CSV, one row per group: {@code dimension} is all, severity, service or month and
 * {@code group} the severity, service or month (yyyy-mm); then the incident count, for each time
 * the number of incidents measured and p50 and p90 in seconds, the postmortems held and published
 * and the completion rate (0 to 1). {@code overdue_action_items} is filled on the {@code all} row:
 * overdue items are counted now, not per group. Empty cells are figures without data.
 */
final class ReportCsv {

	// quote only what needs it (by default Jackson quotes every value longer than 24 characters)
	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
		.build();
	private static final CsvSchema SCHEMA = schema();

	private ReportCsv() {
	}

	static String write(Report report) {
		List<Map<String, Object>> rows = new ArrayList<>();
		rows.add(row("all", report.all(), report.overdueActionItems().size()));
		report.bySeverity().forEach(group -> rows.add(row("severity", group, null)));
		report.byService().forEach(group -> rows.add(row("service", group, null)));
		report.byMonth().forEach(group -> rows.add(row("month", group, null)));
		try {
			return CSV.writer(SCHEMA).writeValueAsString(rows);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("CSV of plain numbers and names failed", e);
		}
	}

	private static Map<String, Object> row(String dimension, ReportGroup group, Integer overdue) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("dimension", dimension);
		row.put("group", group.group());
		row.put("incidents", group.incidents());
		for (Measure measure : Measure.values()) {
			Percentiles times = group.time(measure);
			row.put(column(measure, "n"), times.count());
			row.put(column(measure, "p50_seconds"), times.p50Seconds());
			row.put(column(measure, "p90_seconds"), times.p90Seconds());
		}
		row.put("postmortems_held", group.postmortems().held());
		row.put("postmortems_published", group.postmortems().published());
		row.put("postmortem_completion_rate", group.postmortems().rate());
		row.put("overdue_action_items", overdue);
		return row;
	}

	private static CsvSchema schema() {
		CsvSchema.Builder columns = CsvSchema.builder().addColumn("dimension").addColumn("group").addColumn("incidents");
		for (Measure measure : Measure.values()) {
			columns.addColumn(column(measure, "n"))
				.addColumn(column(measure, "p50_seconds"))
				.addColumn(column(measure, "p90_seconds"));
		}
		return columns.addColumn("postmortems_held")
			.addColumn("postmortems_published")
			.addColumn("postmortem_completion_rate")
			.addColumn("overdue_action_items")
			.build()
			.withHeader();
	}

	/** time_to_acknowledge_p50_seconds, ... */
	private static String column(Measure measure, String figure) {
		return measure.name().toLowerCase(java.util.Locale.ROOT) + "_" + figure;
	}
}
