package io.firebreak.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.firebreak.system.InvalidInput;

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
		JOB;

		/**
		 * The sources a comma-separated list names (record,task), in any case; all of them when
		 * none is given. An unknown one is a 400 listing the known.
		 */
		public static Set<Source> parse(String field, String list) {
			if (list == null || list.isBlank()) {
				return EnumSet.allOf(Source.class);
			}
			Set<Source> chosen = EnumSet.noneOf(Source.class);
			for (String name : list.split(",")) {
				String wanted = name.strip().toUpperCase(Locale.ROOT);
				chosen.add(Arrays.stream(values())
					.filter(source -> source.name().equals(wanted))
					.findFirst()
					.orElseThrow(() -> new InvalidInput(field, "%s must be one or more of %s, separated by commas (was '%s')"
						.formatted(field, Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT))
							.collect(Collectors.joining(", ")), name.strip()))));
			}
			return chosen;
		}
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
