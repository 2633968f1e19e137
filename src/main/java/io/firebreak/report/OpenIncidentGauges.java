package io.firebreak.report;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code firebreak_incidents_open{severity="SEV1"}} ... {@code SEV4}, and {@code "untriaged"}: the
 * incidents open now (not resolved or closed; drills left out), counted in the database, so the
 * figure is right after a restart and the same on every node sharing it. One grouped query serves
 * all five gauges and is reused for {@code firebreak.metrics.open-incidents-max-age} (5 s), so
 * a scrape, or several scrapers, cost one query at most.
 */
@Component
class OpenIncidentGauges implements MeterBinder {

	static final String NAME = "firebreak.incidents.open";

	private record Counts(long takenAt, Map<Severity, Long> bySeverity, long untriaged) {
	}

	private final JdbcClient jdbc;
	private final long maxAgeNanos;
	private volatile Counts counts;

	OpenIncidentGauges(JdbcClient jdbc, @Value("${firebreak.metrics.open-incidents-max-age:PT5S}") Duration maxAge) {
		this.jdbc = jdbc;
		this.maxAgeNanos = maxAge.toNanos();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Severity severity : Severity.values()) {
			Gauge.builder(NAME, this, gauges -> gauges.counts().bySeverity().getOrDefault(severity, 0L))
				.description("Incidents open now (drills left out)")
				.tag("severity", severity.name())
				.register(registry);
		}
		Gauge.builder(NAME, this, gauges -> gauges.counts().untriaged())
			.description("Incidents open now (drills left out)")
			.tag("severity", ReportFigures.UNTRIAGED)
			.register(registry);
	}

	private Counts counts() {
		Counts known = counts;
		long now = System.nanoTime();
		if (known != null && now - known.takenAt() < maxAgeNanos) {
			return known;
		}
		synchronized (this) {
			if (counts != null && now - counts.takenAt() < maxAgeNanos) {
				return counts;
			}
			counts = query(now);
			return counts;
		}
	}

	private Counts query(long now) {
		Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
		long[] untriaged = { 0 };
		jdbc.sql("select severity, count(*) as open_incidents from incident "
				+ "where status not in ('RESOLVED', 'CLOSED') and drill = false group by severity")
			.query(rs -> {
				String severity = rs.getString("severity");
				long open = rs.getLong("open_incidents");
				if (severity == null) {
					untriaged[0] = open;
				}
				else {
					bySeverity.put(Severity.valueOf(severity), open);
				}
			});
		return new Counts(now, bySeverity, untriaged[0]);
	}
}
