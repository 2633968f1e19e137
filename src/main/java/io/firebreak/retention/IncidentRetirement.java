package io.firebreak.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.incident.IncidentType;
import io.firebreak.system.ClusterNode;

/**
 * Firebreak's own tables follow the retention policy: once an incident has been closed longer than
 * its plan keeps its history ({@code camunda:historyTimeToLive}, never less than the policy's
 * minimum for its type), its record goes (timeline, notifications, alerts, customer updates,
 * postmortem, action items) and a row in {@code retired_incident} says so. Runs in the night, in
 * Camunda's history cleanup window, so the record and the plan's history go about together.
 * <p>
 * Several nodes may run it at once on one database: each incident is retired in a transaction of
 * its own that first locks the incident's row, so the second node finds it gone and does nothing.
 */
@Component
public class IncidentRetirement {

	private static final Logger log = LoggerFactory.getLogger(IncidentRetirement.class);

	/** What the policy removed: the incident, how long it was kept, how many timeline events went. */
	public record Retired(String key, Instant closedAt, long retainedDays, int timelineEvents) {
	}

	private record Closed(String key, IncidentType type, Instant closedAt, String processInstanceId) {
	}

	private record Plan(String key, Integer timeToLiveDays) {
	}

	private final RetentionPolicy policy;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final HistoryService history;
	private final RepositoryService repository;
	private final RuntimeService runtime;
	private final ClusterNode node;
	private final Clock clock;

	IncidentRetirement(RetentionPolicy policy, JdbcClient jdbc, TransactionTemplate transaction, HistoryService history,
			RepositoryService repository, RuntimeService runtime, ClusterNode node, Clock clock) {
		this.policy = policy;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.history = history;
		this.repository = repository;
		this.runtime = runtime;
		this.node = node;
		this.clock = clock;
	}

	@Scheduled(cron = "${firebreak.retention.cron}")
	void nightly() {
		List<Retired> retired = retireExpired();
		if (!retired.isEmpty()) {
			log.info("Retention: retired {} incident(s) closed longer ago than their plan keeps them: {}", retired.size(),
					retired.stream().map(Retired::key).toList());
		}
	}

	/** Retires every incident whose time is up, now; the ones retired here. */
	public List<Retired> retireExpired() {
		Instant now = clock.instant();
		List<Retired> retired = new ArrayList<>();
		for (Closed incident : closedBefore(now.minus(policy.leastMinimum()))) {
			Plan plan = planOf(incident);
			Duration kept = keptFor(incident, plan);
			if (incident.closedAt().plus(kept).isAfter(now) || stillWorkedOn(incident)) {
				continue;
			}
			try {
				retire(incident, plan, kept, now).ifPresent(retired::add);
			}
			catch (DataAccessException failed) {
				// a table added later that still refers to the incident: say so, and carry on with the others
				log.error("Retention: could not retire {}; its record stays until this is fixed", incident.key(), failed);
			}
		}
		return retired;
	}

	private List<Closed> closedBefore(Instant cutoff) {
		return jdbc.sql("""
				select incident_key, incident_type, closed_at, process_instance_id from incident
				where closed_at is not null and closed_at < ? order by closed_at""")
			.param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.query((row, n) -> new Closed(row.getString("incident_key"), IncidentType.valueOf(row.getString("incident_type")),
					row.getObject("closed_at", OffsetDateTime.class).toInstant(), row.getString("process_instance_id")))
			.list();
	}

	/**
	 * The plan's time to live, never less than the minimum for the incident's type. A plan Camunda no
	 * longer knows (its history cleaned up, its deployment deleted) keeps the incident for the minimum.
	 */
	private Duration keptFor(Closed incident, Plan plan) {
		Duration least = policy.minimumFor(incident.type());
		if (plan.timeToLiveDays() == null) {
			return least;
		}
		Duration planned = Duration.ofDays(plan.timeToLiveDays());
		return planned.compareTo(least) > 0 ? planned : least;
	}

	private Plan planOf(Closed incident) {
		if (incident.processInstanceId() == null) {
			return new Plan(null, null);
		}
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(incident.processInstanceId())
			.singleResult();
		if (instance == null) {
			return new Plan(null, null);
		}
		try {
			ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
			return new Plan(definition.getKey(), definition.getHistoryTimeToLive());
		}
		catch (ProcessEngineException deleted) {
			return new Plan(instance.getProcessDefinitionKey(), null);
		}
	}

	/** A follow-up (an action item, a delivery) still running on the incident keeps its record. */
	private boolean stillWorkedOn(Closed incident) {
		return runtime.createProcessInstanceQuery().processInstanceBusinessKey(incident.key()).count() > 0;
	}

	private Optional<Retired> retire(Closed incident, Plan plan, Duration kept, Instant now) {
		return transaction.execute(status -> {
			String key = incident.key();
			boolean stillThere = !jdbc.sql("select incident_key from incident where incident_key = ? for update")
				.param(key)
				.query(String.class)
				.list()
				.isEmpty();
			if (!stillThere) {
				return Optional.empty(); // another node retired it first
			}
			removeAlerts(key);
			for (String table : List.of("drill", "customer_update", "action_item", "postmortem", "breach_obligation",
					"breach_assessment")) {
				jdbc.sql("delete from " + table + " where incident_key = ?").param(key).update();
			}
			// the chain's last hash outlives the chain: it matches a head an auditor anchored before
			String timelineHead = jdbc.sql("""
					select event_hash from timeline_event where incident_key = ?
					order by sequence_number desc fetch first 1 rows only""")
				.param(key)
				.query(String.class)
				.optional()
				.orElse(null);
			int notifications = jdbc.sql("delete from notification where incident_key = ?").param(key).update();
			int timeline = jdbc.sql("delete from timeline_event where incident_key = ?").param(key).update();
			jdbc.sql("delete from incident where incident_key = ?").param(key).update();
			jdbc.sql("""
					insert into retired_incident (incident_key, incident_type, plan_key, closed_at, retained_days,
					    retired_at, timeline_events_removed, timeline_head_hash, notifications_removed, retired_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(key, incident.type().name(), plan.key(), OffsetDateTime.ofInstant(incident.closedAt(), ZoneOffset.UTC),
						kept.toDays(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), timeline, timelineHead, notifications,
						node.id())
				.update();
			return Optional.of(new Retired(key, incident.closedAt(), kept.toDays(), timeline));
		});
	}

	/**
	 * The incident's alert events, and the alert groups left with no event. A group that a newer
	 * incident's events still use stays, pointing at no incident (its next firing declares anew).
	 */
	private void removeAlerts(String key) {
		List<Long> groups = jdbc.sql("""
				select alert_group_id from alert_event where incident_key = ?
				union select id from alert_group where incident_key = ?""")
			.params(key, key)
			.query(Long.class)
			.list();
		jdbc.sql("delete from alert_event where incident_key = ?").param(key).update();
		for (Long group : groups) {
			jdbc.sql("""
					delete from alert_group where id = ? and (incident_key = ? or incident_key is null)
					and not exists (select 1 from alert_event where alert_group_id = ?)""")
				.params(group, key, group)
				.update();
		}
		jdbc.sql("update alert_group set incident_key = null where incident_key = ?").param(key).update();
	}
}
