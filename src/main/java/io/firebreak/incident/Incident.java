package io.firebreak.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.firebreak.roster.Role;

/**
 * The incident record: what happened, how bad it is, who leads, and when each response step
 * was reached. Steps are guarded, so the record can only move the way the response does.
 */
public class Incident {

	private final IncidentKey key;
	private final String title;
	private final String summary;
	private final IncidentType type;
	private final boolean drill;
	private final String declaredBy;
	private final Instant declaredAt;
	private final String processInstanceId;
	private String service;
	private Impact impact;
	private Urgency urgency;
	private Severity severity;
	private String customerImpact;
	private IncidentStatus status;
	private String commander;
	private String communicationsLead;
	private String scribe;
	private String privacyLead;
	private String acknowledgedBy;
	private Instant assessedAt;
	private Instant acknowledgedAt;
	private Instant containedAt;
	private Instant mitigatedAt;
	private Instant resolvedAt;
	private Instant closedAt;

	private Incident(Builder builder) {
		this.key = Objects.requireNonNull(builder.key);
		this.title = builder.title;
		this.summary = builder.summary;
		this.type = builder.type;
		this.drill = builder.drill;
		this.declaredBy = builder.declaredBy;
		this.declaredAt = builder.declaredAt;
		this.processInstanceId = builder.processInstanceId;
		this.service = builder.service;
		this.impact = builder.impact;
		this.urgency = builder.urgency;
		this.severity = builder.severity;
		this.customerImpact = builder.customerImpact;
		this.status = builder.status;
		this.commander = builder.commander;
		this.communicationsLead = builder.communicationsLead;
		this.scribe = builder.scribe;
		this.privacyLead = builder.privacyLead;
		this.acknowledgedBy = builder.acknowledgedBy;
		this.assessedAt = builder.assessedAt;
		this.acknowledgedAt = builder.acknowledgedAt;
		this.containedAt = builder.containedAt;
		this.mitigatedAt = builder.mitigatedAt;
		this.resolvedAt = builder.resolvedAt;
		this.closedAt = builder.closedAt;
	}

	public static Incident declare(IncidentKey key, IncidentDeclaration declaration, String declaredBy,
			Instant declaredAt, String processInstanceId) {
		Builder builder = new Builder(key);
		builder.title = declaration.title();
		builder.summary = declaration.summary();
		builder.service = declaration.service();
		builder.impact = declaration.impact();
		builder.urgency = declaration.urgency();
		builder.type = declaration.type();
		builder.drill = declaration.drill();
		builder.declaredBy = declaredBy;
		builder.declaredAt = declaredAt;
		builder.processInstanceId = processInstanceId;
		builder.status = IncidentStatus.DECLARED;
		return builder.build();
	}

	/** Assessment runs alongside paging, so it may come before or after the acknowledgement. */
	public void assess(Assessment assessment, Instant at) {
		guard("assessed", IncidentStatus.DECLARED, IncidentStatus.ACKNOWLEDGED);
		this.impact = assessment.impact();
		this.urgency = assessment.urgency();
		this.service = assessment.service();
		this.customerImpact = assessment.customerImpact();
		this.commander = assessment.commander();
		this.communicationsLead = assessment.communicationsLead();
		this.scribe = assessment.scribe();
		if (assessment.privacyLead() != null) {
			this.privacyLead = assessment.privacyLead();
		}
		this.assessedAt = at;
	}

	/** Returns the severity it replaced, if any. */
	public Optional<Severity> classify(Severity newSeverity) {
		if (!status.isOpen()) {
			throw new IllegalIncidentTransition(key, "given a severity", status);
		}
		Severity previous = this.severity;
		this.severity = Objects.requireNonNull(newSeverity);
		return Optional.ofNullable(previous);
	}

	public void acknowledge(String responder, Instant at) {
		guard("acknowledged", IncidentStatus.DECLARED);
		this.acknowledgedBy = responder;
		this.acknowledgedAt = at;
		this.status = IncidentStatus.ACKNOWLEDGED;
	}

	public void contain(Instant at) {
		guard("contained", IncidentStatus.ACKNOWLEDGED);
		if (assessedAt == null) {
			throw new IllegalIncidentTransition(key, "contained before it is assessed", status);
		}
		if (containedAt == null) {
			this.containedAt = at;
		}
		this.status = IncidentStatus.CONTAINED;
	}

	public void mitigate(Instant at) {
		guard("mitigated", IncidentStatus.CONTAINED);
		if (mitigatedAt == null) {
			this.mitigatedAt = at;
		}
		this.status = IncidentStatus.MITIGATED;
	}

	/** Not recovered sends the response back to containment; the first contain/mitigate times stay. */
	public void checkRecovery(boolean recovered) {
		guard("checked for recovery", IncidentStatus.MITIGATED);
		if (!recovered) {
			this.status = IncidentStatus.ACKNOWLEDGED;
		}
	}

	public void resolve(Instant at) {
		guard("resolved", IncidentStatus.MITIGATED);
		this.resolvedAt = at;
		this.status = IncidentStatus.RESOLVED;
	}

	public void close(Instant at) {
		guard("closed", IncidentStatus.RESOLVED);
		this.closedAt = at;
		this.status = IncidentStatus.CLOSED;
	}

	/** Who holds {@code role} now; null when nobody does. */
	public String holder(Role role) {
		return switch (role) {
			case COMMANDER -> commander;
			case COMMUNICATIONS_LEAD -> communicationsLead;
			case SCRIBE -> scribe;
			case PRIVACY_LEAD -> privacyLead;
		};
	}

	/**
	 * Gives {@code role} to {@code person} and returns who held it before (null if nobody). Roles
	 * change hands until the incident is closed: the post-incident review is the commander's too.
	 */
	String handOver(Role role, String person) {
		if (status == IncidentStatus.CLOSED) {
			throw new IllegalIncidentTransition(key, "given a new " + role.displayName().toLowerCase(java.util.Locale.ROOT),
					status);
		}
		String previous = holder(role);
		switch (role) {
			case COMMANDER -> this.commander = Objects.requireNonNull(person);
			case COMMUNICATIONS_LEAD -> this.communicationsLead = Objects.requireNonNull(person);
			case SCRIBE -> this.scribe = Objects.requireNonNull(person);
			case PRIVACY_LEAD -> this.privacyLead = Objects.requireNonNull(person);
		}
		return previous;
	}

	/** How every notification names the incident: {@code [DRILL][SEV1][INC-2026-0042] Checkout errors}. */
	public String headline() {
		return "%s[%s][%s] %s".formatted(drill ? "[DRILL]" : "", severity == null ? "UNTRIAGED" : severity.name(), key,
				title);
	}

	private void guard(String step, IncidentStatus... allowed) {
		if (!Set.of(allowed).contains(status)) {
			throw new IllegalIncidentTransition(key, step, status);
		}
	}

	public IncidentKey key() { return key; }
	public String title() { return title; }
	public String summary() { return summary; }
	public IncidentType type() { return type; }
	public boolean drill() { return drill; }
	public String declaredBy() { return declaredBy; }
	public Instant declaredAt() { return declaredAt; }
	public String processInstanceId() { return processInstanceId; }
	public String service() { return service; }
	public Impact impact() { return impact; }
	public Urgency urgency() { return urgency; }
	public Severity severity() { return severity; }
	public String customerImpact() { return customerImpact; }
	public IncidentStatus status() { return status; }
	public String commander() { return commander; }
	public String communicationsLead() { return communicationsLead; }
	public String scribe() { return scribe; }
	public String privacyLead() { return privacyLead; }
	public String acknowledgedBy() { return acknowledgedBy; }
	public Instant assessedAt() { return assessedAt; }
	public Instant acknowledgedAt() { return acknowledgedAt; }
	public Instant containedAt() { return containedAt; }
	public Instant mitigatedAt() { return mitigatedAt; }
	public Instant resolvedAt() { return resolvedAt; }
	public Instant closedAt() { return closedAt; }

	/** Rebuilds a stored incident; only the repository should need this. */
	static final class Builder {
		private final IncidentKey key;
		String title;
		String summary;
		IncidentType type = IncidentType.OPERATIONAL;
		boolean drill;
		String declaredBy;
		Instant declaredAt;
		String processInstanceId;
		String service;
		Impact impact;
		Urgency urgency;
		Severity severity;
		String customerImpact;
		IncidentStatus status = IncidentStatus.DECLARED;
		String commander;
		String communicationsLead;
		String scribe;
		String privacyLead;
		String acknowledgedBy;
		Instant assessedAt;
		Instant acknowledgedAt;
		Instant containedAt;
		Instant mitigatedAt;
		Instant resolvedAt;
		Instant closedAt;

		Builder(IncidentKey key) {
			this.key = key;
		}

		Incident build() {
			return new Incident(this);
		}
	}
}
