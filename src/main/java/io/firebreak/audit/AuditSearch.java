package io.firebreak.audit;

import static io.firebreak.audit.AuditTrail.record;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.firebreak.audit.AuditEntry.Source;
import io.firebreak.incident.TimelineRepository.ChainedEvent;
import io.firebreak.system.InvalidInput;

/**
 * Searches the record of every incident, and Camunda's user operation log, over a period:
 * "everything ic did in March", or every event of SEV1 incidents on checkout that ran
 * incident-response version 3. Each line names its incident and the plan version it ran.
 */
@Component
class AuditSearch {

	/** A search that matches more than this is refused rather than answered in part. */
	static final int MOST_LINES = 100_000;
	private static final int IN_LIST = 500;

	private record IncidentFacts(String key, String service, String severity, String processInstanceId) {
	}

	private record PlanRun(String key, int version, String label) {
	}

	private final JdbcClient jdbc;
	private final HistoryService history;
	private final RepositoryService repository;
	private final EngineHistoryTrail engineHistory;

	AuditSearch(JdbcClient jdbc, HistoryService history, RepositoryService repository,
			EngineHistoryTrail engineHistory) {
		this.jdbc = jdbc;
		this.history = history;
		this.repository = repository;
		this.engineHistory = engineHistory;
	}

	List<AuditEntry> search(AuditQuery query) {
		requireKnownPlan(query);
		Map<String, IncidentFacts> facts = new HashMap<>();
		List<ChainedEvent> events = recordEvents(query, facts);
		List<UserOperationLogEntry> operations = operations(query);
		Map<String, String> incidentOfInstance = incidentsOfInstances(
				operations.stream().map(UserOperationLogEntry::getProcessInstanceId).toList());
		Set<String> missing = new LinkedHashSet<>(incidentOfInstance.values());
		missing.removeAll(facts.keySet());
		loadFacts(missing).forEach(fact -> facts.put(fact.key(), fact));
		Map<String, PlanRun> plans = plansOf(facts.values());

		List<AuditEntry> lines = new ArrayList<>();
		for (ChainedEvent event : events) {
			PlanRun plan = plans.get(event.incidentKey());
			if (matchesPlan(query, plan)) {
				lines.add(record(event, plan == null ? null : plan.label()));
			}
		}
		for (UserOperationLogEntry operation : operations) {
			String incident = incidentOfInstance.get(operation.getProcessInstanceId());
			IncidentFacts fact = incident == null ? null : facts.get(incident);
			if (fact == null || !matchesIncident(query, fact) || !matchesPlan(query, plans.get(incident))) {
				continue;
			}
			lines.add(operation(operation, incident, plans.get(incident)));
		}
		if (lines.size() > MOST_LINES) {
			throw new InvalidInput("from", "more than %d lines match: choose a shorter period or add a filter"
				.formatted(MOST_LINES));
		}
		lines.sort(Comparator.comparing(AuditEntry::at));
		return lines;
	}

	private void requireKnownPlan(AuditQuery query) {
		if (query.planKey() == null) {
			return;
		}
		var definitions = repository.createProcessDefinitionQuery().processDefinitionKey(query.planKey());
		if (query.planVersion() != null) {
			definitions.processDefinitionVersion(query.planVersion());
		}
		if (definitions.count() == 0) {
			Set<String> known = new TreeSet<>();
			repository.createProcessDefinitionQuery().list().forEach(definition -> known.add(definition.getKey()));
			throw new InvalidInput("plan", "plan %s is not deployed; deployed plans: %s".formatted(
					query.planKey() + (query.planVersion() == null ? "" : ":" + query.planVersion()),
					String.join(", ", known)));
		}
	}

	private List<ChainedEvent> recordEvents(AuditQuery query, Map<String, IncidentFacts> facts) {
		StringBuilder sql = new StringBuilder("""
				select e.id, e.incident_key, e.sequence_number, e.occurred_at, e.kind, e.actor, e.description,
				e.task_name, e.previous_hash, e.event_hash, i.service, i.severity, i.process_instance_id
				from timeline_event e join incident i on i.incident_key = e.incident_key
				where e.occurred_at >= :start and e.occurred_at < :end""");
		Map<String, Object> params = new HashMap<>();
		params.put("start", Timestamp.from(query.start()));
		params.put("end", Timestamp.from(query.end()));
		if (query.service() != null) {
			sql.append(" and i.service = :service");
			params.put("service", query.service());
		}
		if (query.severity() != null) {
			sql.append(" and i.severity = :severity");
			params.put("severity", query.severity().name());
		}
		if (query.person() != null) {
			sql.append(" and e.actor = :person");
			params.put("person", query.person());
		}
		sql.append(" order by e.occurred_at, e.id fetch first ").append(MOST_LINES + 1).append(" rows only");
		return jdbc.sql(sql.toString()).params(params).query((rs, row) -> {
			String key = rs.getString("incident_key");
			facts.putIfAbsent(key, new IncidentFacts(key, rs.getString("service"), rs.getString("severity"),
					rs.getString("process_instance_id")));
			Timestamp at = rs.getTimestamp("occurred_at");
			return new ChainedEvent(rs.getLong("id"), key, rs.getLong("sequence_number"), at.toInstant(),
					rs.getString("kind"), rs.getString("actor"), rs.getString("description"), rs.getString("task_name"),
					rs.getString("previous_hash"), rs.getString("event_hash"));
		}).list();
	}

	private List<UserOperationLogEntry> operations(AuditQuery query) {
		UserOperationLogQuery operations = history.createUserOperationLogQuery()
			.afterTimestamp(Date.from(query.start().minusMillis(1)))
			.beforeTimestamp(Date.from(query.end()));
		if (query.person() != null) {
			operations.userId(query.person());
		}
		return operations.orderByTimestamp()
			.asc()
			.listPage(0, MOST_LINES + 1)
			.stream()
			.filter(operation -> operation.getProcessInstanceId() != null)
			.toList();
	}

	/** Process instance id → the incident it worked on (its business key), for instances of incidents. */
	private Map<String, String> incidentsOfInstances(Collection<String> instanceIds) {
		Map<String, String> incidents = new HashMap<>();
		for (List<String> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(instanceIds)))) {
			for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
				.processInstanceIds(new LinkedHashSet<>(chunk))
				.list()) {
				if (instance.getBusinessKey() != null) {
					incidents.put(instance.getId(), instance.getBusinessKey());
				}
			}
		}
		return incidents;
	}

	private List<IncidentFacts> loadFacts(Collection<String> keys) {
		List<IncidentFacts> loaded = new ArrayList<>();
		for (List<String> chunk : chunks(new ArrayList<>(keys))) {
			loaded.addAll(jdbc.sql("""
					select incident_key, service, severity, process_instance_id from incident
					where incident_key in (:keys)""")
				.param("keys", chunk)
				.query((rs, row) -> new IncidentFacts(rs.getString("incident_key"), rs.getString("service"),
						rs.getString("severity"), rs.getString("process_instance_id")))
				.list());
		}
		return loaded;
	}

	/** Incident key → the plan version its process instance ran. */
	private Map<String, PlanRun> plansOf(Collection<IncidentFacts> incidents) {
		Map<String, String> incidentOfInstance = new LinkedHashMap<>();
		incidents.stream()
			.filter(fact -> fact.processInstanceId() != null)
			.forEach(fact -> incidentOfInstance.put(fact.processInstanceId(), fact.key()));
		Map<String, PlanRun> plans = new HashMap<>();
		Map<String, PlanRun> definitions = new HashMap<>();
		for (List<String> chunk : chunks(new ArrayList<>(incidentOfInstance.keySet()))) {
			for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
				.processInstanceIds(new LinkedHashSet<>(chunk))
				.list()) {
				PlanRun plan = definitions.computeIfAbsent(instance.getProcessDefinitionId(), id -> {
					ProcessDefinition definition = repository.getProcessDefinition(id);
					return new PlanRun(definition.getKey(), definition.getVersion(), engineHistory.plan(id));
				});
				plans.put(incidentOfInstance.get(instance.getId()), plan);
			}
		}
		return plans;
	}

	private static boolean matchesIncident(AuditQuery query, IncidentFacts fact) {
		return (query.service() == null || query.service().equals(fact.service()))
				&& (query.severity() == null || query.severity().name().equals(fact.severity()));
	}

	private static boolean matchesPlan(AuditQuery query, PlanRun plan) {
		if (query.planKey() == null) {
			return true;
		}
		return plan != null && plan.key().equals(query.planKey())
				&& (query.planVersion() == null || Objects.equals(query.planVersion(), plan.version()));
	}

	private static AuditEntry operation(UserOperationLogEntry operation, String incident, PlanRun plan) {
		Map<String, String> values = new LinkedHashMap<>();
		if (operation.getProperty() != null) {
			values.put(operation.getProperty(), operation.getOrgValue() + " → " + operation.getNewValue());
		}
		return new AuditEntry(operation.getTimestamp().toInstant(), incident, Source.OPERATION,
				plan == null ? null : plan.label(), operation.getEntityType(), operation.getUserId(),
				operation.getOperationType(), EngineHistoryTrail.operationDetail(operation), values, null, null);
	}

	private static <T> List<List<T>> chunks(List<T> all) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += IN_LIST) {
			chunks.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
		}
		return chunks;
	}
}
