package io.firebreak.roster;

import java.util.List;
import java.util.Map;

/**
 * A service incidents are declared against, and the team that answers for it. For alert intake it
 * also carries the integration keys its alert sources authenticate with, the impact an alert is
 * pre-assessed with, and the incident type an alert declares. {@code plans} optionally overrides
 * services.yaml's top-level plans for this service's incidents (incident type or {@code default}
 * to process definition key; see PlanSelection).
 */
public record OwnedService(String id, String name, String team, String defaultImpact, String incidentType,
		List<String> integrationKeys, Map<String, String> plans) {

	static final String DEFAULT_IMPACT = "moderate";
	static final String DEFAULT_INCIDENT_TYPE = "operational";

	public OwnedService {
		defaultImpact = defaultImpact == null ? DEFAULT_IMPACT : defaultImpact;
		incidentType = incidentType == null ? DEFAULT_INCIDENT_TYPE : incidentType;
		integrationKeys = integrationKeys == null ? List.of() : List.copyOf(integrationKeys);
		// kept as written, nulls included, so that the roster can name a missing plan key
		plans = plans == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(plans));
	}

	/** A service whose incidents run the plans services.yaml chooses for every service. */
	public OwnedService(String id, String name, String team, String defaultImpact, String incidentType,
			List<String> integrationKeys) {
		this(id, name, team, defaultImpact, incidentType, integrationKeys, null);
	}

	/** A service that takes no alerts. */
	public OwnedService(String id, String name, String team) {
		this(id, name, team, null, null, null, null);
	}

	/** Integration keys are secrets: a logged or printed service must never show them. */
	@Override
	public String toString() {
		return "OwnedService[id=%s, name=%s, team=%s, defaultImpact=%s, incidentType=%s, plans=%s, integrationKeys=%d hidden]"
			.formatted(id, name, team, defaultImpact, incidentType, plans, integrationKeys.size());
	}
}
