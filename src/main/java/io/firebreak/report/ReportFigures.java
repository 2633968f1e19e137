package io.firebreak.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import io.firebreak.incident.Severity;

/**
 * Computes a report from the period's incidents, in memory: one pass to group them, then per group
 * the sorted times and their nearest-rank percentiles (see {@link Percentiles}). Incidents outside
 * the filter (drills above all) are dropped here too, whatever the query that loaded them.
 */
final class ReportFigures {

	/** The group of incidents that have no severity yet. */
	static final String UNTRIAGED = "untriaged";

	private ReportFigures() {
	}

	static Report compute(ReportFilter filter, Collection<IncidentTimes> loaded, List<OverdueActionItem> overdue,
			Instant generatedAt) {
		List<IncidentTimes> incidents = loaded.stream().filter(incident -> covers(filter, incident)).toList();

		Map<String, List<IncidentTimes>> bySeverity = new LinkedHashMap<>();
		Arrays.stream(Severity.values())
			.filter(severity -> filter.severity() == null || filter.severity() == severity)
			.forEach(severity -> bySeverity.put(severity.name(), new ArrayList<>()));
		Map<String, List<IncidentTimes>> byService = new TreeMap<>();
		if (filter.service() != null) {
			byService.put(filter.service(), new ArrayList<>());
		}
		Map<String, List<IncidentTimes>> byMonth = new LinkedHashMap<>();
		filter.months().forEach(month -> byMonth.put(month.toString(), new ArrayList<>()));
		for (IncidentTimes incident : incidents) {
			bySeverity.computeIfAbsent(severityOf(incident), none -> new ArrayList<>()).add(incident);
			byService.computeIfAbsent(incident.service(), none -> new ArrayList<>()).add(incident);
			byMonth.get(YearMonth.from(incident.declaredAt().atOffset(ZoneOffset.UTC)).toString()).add(incident);
		}

		List<OverdueActionItem> stillOverdue = overdue.stream()
			.filter(item -> !item.drill())
			.filter(item -> filter.service() == null || filter.service().equals(item.service()))
			.filter(item -> filter.severity() == null || filter.severity() == item.severity())
			.toList();
		return new Report(filter.from(), filter.to(), filter.service(), filter.severity(), generatedAt,
				Report.PERCENTILE_METHOD, group("all", incidents), groups(bySeverity), groups(byService),
				groups(byMonth), stillOverdue);
	}

	/** The figures of {@code incidents}, called {@code name}. */
	static ReportGroup group(String name, List<IncidentTimes> incidents) {
		Function<Measure, Percentiles> times = measure -> Percentiles
			.of(incidents.stream().map(measure::of).flatMap(java.util.Optional::stream).toList());
		int held = (int) incidents.stream().filter(IncidentTimes::heldPostmortem).count();
		int published = (int) incidents.stream().filter(IncidentTimes::publishedPostmortem).count();
		return new ReportGroup(name, incidents.size(), times.apply(Measure.TIME_TO_ACKNOWLEDGE),
				times.apply(Measure.TIME_TO_CONTAIN), times.apply(Measure.TIME_TO_MITIGATE),
				times.apply(Measure.TIME_TO_RESOLVE), PostmortemCompletion.of(held, published));
	}

	private static List<ReportGroup> groups(Map<String, List<IncidentTimes>> grouped) {
		return grouped.entrySet().stream().map(entry -> group(entry.getKey(), entry.getValue())).toList();
	}

	private static boolean covers(ReportFilter filter, IncidentTimes incident) {
		return !incident.drill() && !incident.declaredAt().isBefore(filter.start())
				&& incident.declaredAt().isBefore(filter.end())
				&& (filter.service() == null || filter.service().equals(incident.service()))
				&& (filter.severity() == null || filter.severity() == incident.severity());
	}

	private static String severityOf(IncidentTimes incident) {
		return Objects.toString(incident.severity(), UNTRIAGED);
	}
}
