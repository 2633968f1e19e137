package io.firebreak.audit;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of an audit trail: what happened to an incident, when, where in which plan, and who did
 * it. {@code values} are what a person submitted, or a variable's old and new value. Events of
 * Firebreak's own record carry their place in the incident's hash chain ({@code sequence},
 * {@code hash}); lines read from Camunda's history have none.
 */
@JsonPropertyOrder({ "at", "incident", "source", "plan", "element", "actor", "action", "detail", "values",
		"sequence", "hash" })
public record AuditEntry(Instant at, String incident, Source source, String plan, String element, String actor,
		String action, String detail, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> values,
		Long sequence, String hash) {

	/** Where a line comes from. */
	public enum Source {
		/** Firebreak's incident record, hash-chained. */
		RECORD,
		/** A mail or chat post Firebreak sent. */
		NOTIFICATION,
		/** A plan (process instance) started or ended, and which version of it. */
		PLAN,
		/** A step of a plan (activity instance) entered or left. */
		ACTIVITY,
		/** A user task created, claimed or assigned, completed. */
		TASK,
		/** A process variable set or changed. */
		VARIABLE,
		/** Camunda's user operation log: what someone did through Tasklist, Cockpit or the REST API. */
		OPERATION,
		/** A job that failed, and its retries. */
		JOB
	}

	public AuditEntry {
		values = values == null ? Map.of() : values;
	}

	static AuditEntry of(Instant at, String incident, Source source, String plan, String element, String actor,
			String action, String detail) {
		return new AuditEntry(at, incident, source, plan, element, actor, action, detail, Map.of(), null, null);
	}

	AuditEntry withValues(Map<String, String> submitted) {
		return new AuditEntry(at, incident, source, plan, element, actor, action, detail, submitted, sequence, hash);
	}
}
