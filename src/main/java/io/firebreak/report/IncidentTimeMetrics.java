package io.firebreak.report;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.firebreak.incident.IncidentMilestoneReached;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The report's times as Prometheus histograms, tagged with severity and service:
 * {@code firebreak_incident_time_to_acknowledge_seconds}, {@code ..._time_to_contain_seconds},
 * {@code ..._time_to_mitigate_seconds} and {@code ..._time_to_resolve_seconds}, each from the
 * declaration. A time is recorded once its incident first reaches the milestone, and only once the
 * transaction that records it commits: a rolled-back step (say, a form the server refused) counts
 * nothing. Drills are never recorded. The histograms are this node's since it started, as
 * Prometheus histograms are: PromQL's {@code histogram_quantile} over {@code rate} of the buckets
 * gives percentiles over any window; the exact figures over any period are {@code /reports}.
 */
@Component
class IncidentTimeMetrics {

	static final String PREFIX = "firebreak.incident.";
	/** The severity tag of an incident not triaged yet. */
	static final String UNTRIAGED = ReportFigures.UNTRIAGED;

	private record TimerKey(Measure measure, String severity, String service) {
	}

	private final MeterRegistry registry;
	private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

	IncidentTimeMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@EventListener
	void reached(IncidentMilestoneReached reached) {
		if (reached.drill()) {
			return;
		}
		Measure.endedBy(reached.milestone()).ifPresent(measure -> {
			TimerKey key = new TimerKey(measure, Objects.toString(reached.severity(), UNTRIAGED),
					Objects.toString(reached.service(), "unknown"));
			Duration time = reached.sinceDeclared();
			afterCommit(() -> timer(key).record(time));
		});
	}

	/** Runs {@code recording} once the current transaction commits; at once when none is running. */
	private static void afterCommit(Runnable recording) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			recording.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				recording.run();
			}
		});
	}

	private Timer timer(TimerKey key) {
		return timers.computeIfAbsent(key, missing -> Timer.builder(PREFIX + key.measure().name().toLowerCase(java.util.Locale.ROOT)
				.replace('_', '.'))
			.description("From the declaration until the incident was first " + key.measure().verb())
			.tag("severity", key.severity())
			.tag("service", key.service())
			.publishPercentileHistogram()
			// buckets from a second to a month, where incident times lie
			.minimumExpectedValue(Duration.ofSeconds(1))
			.maximumExpectedValue(Duration.ofDays(30))
			.register(registry));
	}
}
