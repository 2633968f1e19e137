package io.firebreak.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.firebreak.incident.Severity;
import io.firebreak.system.InvalidInput;

/**
 * The report's figures against a fixture computed by hand (nearest rank: the time at rank
 * ⌈p/100 × n⌉ of the n times sorted ascending).
 */
class ReportFiguresTests {

	static final Set<String> SERVICES = Set.of("checkout", "payments", "identity");
	static final ReportFilter MARCH_AND_APRIL = ReportFilter.of("2026-03-01", "2026-04-30", null, null,
			LocalDate.of(2026, 11, 29), SERVICES);
	static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	/** declared at; then seconds to acknowledge, contain, mitigate, resolve (null: not reached yet). */
	static IncidentTimes incident(String key, String service, Severity severity, boolean drill, String declared,
			Integer ack, Integer contain, Integer mitigate, Integer resolve, String postmortem) {
		Instant at = Instant.parse(declared);
		return new IncidentTimes(key, service, severity, drill, at, plus(at, ack), plus(at, contain), plus(at, mitigate),
				plus(at, resolve), postmortem);
	}

	static Instant plus(Instant at, Integer seconds) {
		return seconds == null ? null : at.plusSeconds(seconds);
	}

	static final List<IncidentTimes> FIXTURE = List.of(
			incident("INC-2026-0001", "checkout", Severity.SEV1, false, "2026-03-02T10:00:00Z", 60, 600, 1200, 3600, "PUBLISHED"),
			incident("INC-2026-0002", "checkout", Severity.SEV1, false, "2026-03-15T08:00:00Z", 300, 900, 1800, 7200, "DRAFT"),
			incident("INC-2026-0003", "payments", Severity.SEV2, false, "2026-03-20T12:00:00Z", 120, 1800, 2400, 10800, "PUBLISHED"),
			// still open: acknowledged and contained only
			incident("INC-2026-0004", "payments", Severity.SEV1, false, "2026-04-03T00:30:00Z", 30, 300, null, null, null),
			// the last second of the period's last day is in it
			incident("INC-2026-0005", "checkout", Severity.SEV3, false, "2026-04-30T23:59:59Z", 600, 1200, 1500, 5400, null),
			// untriaged, nothing reached yet
			incident("INC-2026-0006", "identity", null, false, "2026-04-10T09:00:00Z", null, null, null, null, null),
			// a drill: never counted, fast as it was
			incident("INC-2026-0007", "checkout", Severity.SEV1, true, "2026-03-05T10:00:00Z", 5, 10, 15, 20, "PUBLISHED"),
			// the first instant after the period
			incident("INC-2026-0008", "checkout", Severity.SEV1, false, "2026-05-01T00:00:00Z", 1, 2, 3, 4, "PUBLISHED"),
			// the last instant before it
			incident("INC-2026-0009", "checkout", Severity.SEV1, false, "2026-02-28T23:59:59Z", 1, 2, 3, 4, "PUBLISHED"));

	static final List<OverdueActionItem> OVERDUE = List.of(
			new OverdueActionItem("INC-2026-0001", "Canary every config change", "oncall2", "Otto", LocalDate.of(2026, 4, 1),
					"high", "checkout", Severity.SEV1, false),
			new OverdueActionItem("INC-2026-0003", "Alert on queue depth", "oncall", "Omar", LocalDate.of(2026, 4, 2),
					"medium", "payments", Severity.SEV2, false),
			new OverdueActionItem("INC-2026-0007", "Drill follow-up", "oncall", "Omar", LocalDate.of(2026, 4, 3), "low",
					"checkout", Severity.SEV1, true));

	@Test
	void allIncidentsOfThePeriodButDrills() {
		Report report = ReportFigures.compute(MARCH_AND_APRIL, FIXTURE, OVERDUE, NOW);

		ReportGroup all = report.all();
		assertThat(all.incidents()).isEqualTo(6);
		// 30, 60, 120, 300, 600: rank 3 and rank 5
		assertThat(all.timeToAcknowledge()).isEqualTo(new Percentiles(5, 120L, 600L));
		// 300, 600, 900, 1200, 1800
		assertThat(all.timeToContain()).isEqualTo(new Percentiles(5, 900L, 1800L));
		// 1200, 1500, 1800, 2400: rank 2 and rank ⌈3.6⌉ = 4
		assertThat(all.timeToMitigate()).isEqualTo(new Percentiles(4, 1500L, 2400L));
		// 3600, 5400, 7200, 10800
		assertThat(all.timeToResolve()).isEqualTo(new Percentiles(4, 5400L, 10800L));
		assertThat(all.postmortems()).isEqualTo(new PostmortemCompletion(3, 2, 2.0 / 3));
		assertThat(all.postmortems().rateText()).isEqualTo("67%");

		assertThat(report.overdueActionItems()).extracting(OverdueActionItem::incident)
			.as("the drill's item is left out")
			.containsExactly("INC-2026-0001", "INC-2026-0003");
		assertThat(report.from()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(report.to()).isEqualTo(LocalDate.of(2026, 4, 30));
		assertThat(report.generatedAt()).isEqualTo(NOW);
	}

	@Test
	void perSeverityEverySeverityThenTheUntriaged() {
		Report report = ReportFigures.compute(MARCH_AND_APRIL, FIXTURE, OVERDUE, NOW);

		assertThat(report.bySeverity()).extracting(ReportGroup::group, ReportGroup::incidents)
			.containsExactly(tuple("SEV1", 3), tuple("SEV2", 1), tuple("SEV3", 1), tuple("SEV4", 0), tuple("untriaged", 1));
		ReportGroup sev1 = report.bySeverity().get(0);
		// 30, 60, 300: rank ⌈1.5⌉ = 2 and rank ⌈2.7⌉ = 3
		assertThat(sev1.timeToAcknowledge()).isEqualTo(new Percentiles(3, 60L, 300L));
		assertThat(sev1.timeToContain()).isEqualTo(new Percentiles(3, 600L, 900L));
		// the open one is not mitigated yet: 1200, 1800
		assertThat(sev1.timeToMitigate()).isEqualTo(new Percentiles(2, 1200L, 1800L));
		assertThat(sev1.timeToResolve()).isEqualTo(new Percentiles(2, 3600L, 7200L));
		assertThat(sev1.postmortems()).isEqualTo(new PostmortemCompletion(2, 1, 0.5));

		ReportGroup sev2 = report.bySeverity().get(1);
		assertThat(sev2.timeToAcknowledge()).isEqualTo(new Percentiles(1, 120L, 120L));
		assertThat(sev2.timeToResolve()).isEqualTo(new Percentiles(1, 10800L, 10800L));
		assertThat(sev2.postmortems()).isEqualTo(new PostmortemCompletion(1, 1, 1.0));

		ReportGroup sev3 = report.bySeverity().get(2);
		assertThat(sev3.timeToMitigate()).isEqualTo(new Percentiles(1, 1500L, 1500L));
		assertThat(sev3.postmortems()).as("no postmortem held: no rate").isEqualTo(new PostmortemCompletion(0, 0, null));
		assertThat(sev3.postmortems().rateText()).isEqualTo("—");

		assertThat(report.bySeverity().get(3).timeToResolve()).isEqualTo(Percentiles.NONE);
		assertThat(report.bySeverity().get(4).timeToAcknowledge()).isEqualTo(Percentiles.NONE);
	}

	@Test
	void perServiceInNameOrder() {
		Report report = ReportFigures.compute(MARCH_AND_APRIL, FIXTURE, OVERDUE, NOW);

		assertThat(report.byService()).extracting(ReportGroup::group, ReportGroup::incidents)
			.containsExactly(tuple("checkout", 3), tuple("identity", 1), tuple("payments", 2));
		ReportGroup checkout = report.byService().get(0);
		assertThat(checkout.timeToAcknowledge()).isEqualTo(new Percentiles(3, 300L, 600L));
		assertThat(checkout.timeToResolve()).isEqualTo(new Percentiles(3, 5400L, 7200L));
		assertThat(checkout.postmortems()).isEqualTo(new PostmortemCompletion(2, 1, 0.5));
		ReportGroup payments = report.byService().get(2);
		assertThat(payments.timeToAcknowledge()).isEqualTo(new Percentiles(2, 30L, 120L));
		assertThat(payments.timeToContain()).isEqualTo(new Percentiles(2, 300L, 1800L));
		assertThat(payments.timeToResolve()).isEqualTo(new Percentiles(1, 10800L, 10800L));
	}

	@Test
	void perMonthEveryMonthOfThePeriodInUtc() {
		Report report = ReportFigures.compute(MARCH_AND_APRIL, FIXTURE, OVERDUE, NOW);

		assertThat(report.byMonth()).extracting(ReportGroup::group, ReportGroup::incidents)
			.containsExactly(tuple("2026-03", 3), tuple("2026-04", 3));
		ReportGroup march = report.byMonth().get(0);
		assertThat(march.timeToAcknowledge()).isEqualTo(new Percentiles(3, 120L, 300L));
		assertThat(march.timeToResolve()).isEqualTo(new Percentiles(3, 7200L, 10800L));
		assertThat(march.postmortems()).isEqualTo(new PostmortemCompletion(3, 2, 2.0 / 3));
		ReportGroup april = report.byMonth().get(1);
		assertThat(april.timeToAcknowledge()).isEqualTo(new Percentiles(2, 30L, 600L));
		assertThat(april.timeToResolve()).isEqualTo(new Percentiles(1, 5400L, 5400L));

		Report quiet = ReportFigures.compute(ReportFilter.of("2025-12-15", "2026-02-10", null, null, LocalDate.of(2026, 11, 29),
				SERVICES), List.of(), List.of(), NOW);
		assertThat(quiet.byMonth()).as("months without incidents are shown too").extracting(ReportGroup::group)
			.containsExactly("2025-12", "2026-01", "2026-02");
		assertThat(quiet.all().incidents()).isZero();
		assertThat(quiet.byService()).isEmpty();
	}

	@Test
	void aServiceAndASeverityNarrowTheFiguresAndTheOverdueItems() {
		ReportFilter checkoutSev1 = ReportFilter.of("2026-03-01", "2026-04-30", "checkout", "SEV1",
				LocalDate.of(2026, 11, 29), SERVICES);
		Report report = ReportFigures.compute(checkoutSev1, FIXTURE, OVERDUE, NOW);

		assertThat(report.all().incidents()).isEqualTo(2);
		assertThat(report.all().timeToAcknowledge()).isEqualTo(new Percentiles(2, 60L, 300L));
		assertThat(report.bySeverity()).extracting(ReportGroup::group).containsExactly("SEV1");
		assertThat(report.byService()).extracting(ReportGroup::group).containsExactly("checkout");
		assertThat(report.overdueActionItems()).extracting(OverdueActionItem::incident).containsExactly("INC-2026-0001");
		assertThat(report.service()).isEqualTo("checkout");
		assertThat(report.severity()).isEqualTo(Severity.SEV1);
	}

	@Test
	void percentilesByNearestRank() {
		assertThat(Percentiles.nearestRank(new long[] { 60, 120, 180, 240 }, 50)).isEqualTo(120);
		long[] ten = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
		assertThat(Percentiles.nearestRank(ten, 90)).as("rank 9, not 10").isEqualTo(9);
		assertThat(Percentiles.nearestRank(ten, 50)).isEqualTo(5);
		assertThat(Percentiles.nearestRank(new long[] { 7 }, 90)).isEqualTo(7);
		assertThat(Percentiles.of(List.of(Duration.ofMinutes(3), Duration.ofSeconds(59), Duration.ofHours(2))))
			.as("sorted first").isEqualTo(new Percentiles(3, 180L, 7200L));
		assertThat(Percentiles.text(59L)).isEqualTo("59s");
		assertThat(Percentiles.text(250L)).isEqualTo("4m 10s");
		assertThat(Percentiles.text(7500L)).isEqualTo("2h 05m");
		assertThat(Percentiles.text(273_600L)).isEqualTo("3d 04h");
		assertThat(Percentiles.text(null)).isEqualTo("—");
	}

	@Test
	void theDefaultPeriodIsTheLastTwelveMonthsWholeMonthsButTheLast() {
		ReportFilter filter = ReportFilter.of(null, "", " ", null, LocalDate.of(2026, 11, 29), SERVICES);
		assertThat(filter.from()).isEqualTo(LocalDate.of(2025, 12, 1));
		assertThat(filter.to()).isEqualTo(LocalDate.of(2026, 11, 29));
		assertThat(filter.service()).isNull();
		assertThat(filter.months()).hasSize(12);
		assertThat(filter.start()).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
		assertThat(filter.end()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
	}

	@Test
	void badFiltersSayWhatToFix() {
		LocalDate today = LocalDate.of(2026, 11, 29);
		assertThatThrownBy(() -> ReportFilter.of("2026-13-01", null, null, null, today, SERVICES))
			.isInstanceOf(InvalidInput.class).hasMessage("from must be a date like 2026-03-31 (was '2026-13-01')");
		assertThatThrownBy(() -> ReportFilter.of(null, "March", null, null, today, SERVICES))
			.isInstanceOf(InvalidInput.class).hasMessage("to must be a date like 2026-03-31 (was 'March')");
		assertThatThrownBy(() -> ReportFilter.of("2026-04-01", "2026-03-31", null, null, today, SERVICES))
			.isInstanceOf(InvalidInput.class).hasMessage("from (2026-04-01) is after to (2026-03-31): swap them");
		assertThatThrownBy(() -> ReportFilter.of("2026-12-01", null, null, null, today, SERVICES))
			.as("to defaults to today").isInstanceOf(InvalidInput.class)
			.hasMessage("from (2026-12-01) is after to (2026-11-29): swap them");
		assertThatThrownBy(() -> ReportFilter.of(null, null, null, "SEV5", today, SERVICES))
			.isInstanceOf(InvalidInput.class).hasMessage("severity must be one of SEV1, SEV2, SEV3, SEV4 (was 'SEV5')");
		assertThatThrownBy(() -> ReportFilter.of(null, null, "billing", null, today, SERVICES))
			.isInstanceOf(InvalidInput.class)
			.hasMessage("service must be one of checkout, identity, payments (was 'billing')");
		assertThatThrownBy(() -> ReportFilter.of("2000-01-01", null, null, null, today, SERVICES))
			.isInstanceOf(InvalidInput.class).hasMessageStartingWith("choose a period of at most 10 years");
	}

	@Test
	void theCsvHasARowPerGroupWithSecondsAndTheRate() {
		String csv = ReportCsv.write(ReportFigures.compute(MARCH_AND_APRIL, FIXTURE, OVERDUE, NOW));
		List<String> lines = csv.lines().toList();
		assertThat(lines.get(0)).isEqualTo("dimension,group,incidents,"
				+ "time_to_acknowledge_n,time_to_acknowledge_p50_seconds,time_to_acknowledge_p90_seconds,"
				+ "time_to_contain_n,time_to_contain_p50_seconds,time_to_contain_p90_seconds,"
				+ "time_to_mitigate_n,time_to_mitigate_p50_seconds,time_to_mitigate_p90_seconds,"
				+ "time_to_resolve_n,time_to_resolve_p50_seconds,time_to_resolve_p90_seconds,"
				+ "postmortems_held,postmortems_published,postmortem_completion_rate,overdue_action_items");
		assertThat(lines.get(1)).startsWith("all,all,6,5,120,600,5,900,1800,4,1500,2400,4,5400,10800,3,2,0.6666")
			.endsWith(",2");
		assertThat(lines).contains("severity,SEV4,0,0,,,0,,,0,,,0,,,0,0,,", "month,2026-04,3,2,30,600,2,300,1200,1,1500,1500,1,5400,5400,0,0,,");
		assertThat(lines).hasSize(1 + 1 + 5 + 3 + 2);
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}
}
