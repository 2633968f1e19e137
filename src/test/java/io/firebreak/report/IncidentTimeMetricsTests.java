package io.firebreak.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentMilestoneReached;
import io.firebreak.incident.Milestone;
import io.firebreak.incident.Severity;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A time is recorded once its transaction commits, never for a drill, never after a rollback. */
class IncidentTimeMetricsTests {

	static final Instant DECLARED = Instant.parse("2026-03-02T10:00:00Z");

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();
	final IncidentTimeMetrics metrics = new IncidentTimeMetrics(registry);

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	static IncidentMilestoneReached reached(Milestone milestone, long seconds, boolean drill) {
		return new IncidentMilestoneReached(new IncidentKey("INC-2026-0001"), milestone, DECLARED,
				DECLARED.plusSeconds(seconds), Severity.SEV2, "checkout", drill);
	}

	Timer timer(String name) {
		return registry.find("firebreak.incident." + name).tags("severity", "SEV2", "service", "checkout").timer();
	}

	@Test
	void recordedAfterTheCommit() {
		TransactionSynchronizationManager.initSynchronization();
		metrics.reached(reached(Milestone.ACKNOWLEDGED, 90, false));
		assertThat(timer("time.to.acknowledge")).as("not before the commit").isNull();

		TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
		Timer acknowledged = timer("time.to.acknowledge");
		assertThat(acknowledged.count()).isEqualTo(1);
		assertThat(acknowledged.totalTime(TimeUnit.SECONDS)).isEqualTo(90);
	}

	@Test
	void nothingAfterARollback() {
		TransactionSynchronizationManager.initSynchronization();
		metrics.reached(reached(Milestone.RESOLVED, 3600, false));
		TransactionSynchronizationManager.getSynchronizations()
			.forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
		assertThat(timer("time.to.resolve")).isNull();
	}

	@Test
	void eachTimedMilestoneHasItsHistogramAndDrillsNone() {
		metrics.reached(reached(Milestone.CONTAINED, 600, false));
		metrics.reached(reached(Milestone.MITIGATED, 1200, false));
		metrics.reached(reached(Milestone.RESOLVED, 3600, false));
		metrics.reached(reached(Milestone.ACKNOWLEDGED, 5, true));
		metrics.reached(reached(Milestone.CLOSED, 7200, false));

		assertThat(timer("time.to.contain").totalTime(TimeUnit.SECONDS)).isEqualTo(600);
		assertThat(timer("time.to.mitigate").totalTime(TimeUnit.SECONDS)).isEqualTo(1200);
		assertThat(timer("time.to.resolve").totalTime(TimeUnit.SECONDS)).isEqualTo(3600);
		assertThat(timer("time.to.acknowledge")).as("a drill").isNull();
		assertThat(registry.getMeters()).as("nothing for closing").hasSize(3);
	}
}
