package io.firebreak.roster;

import java.util.List;

/**
 * A service incidents are declared against, and the team that answers for it. For alert intake it
 * also carries the integration keys its alert sources authenticate with, the impact an alert is
 * pre-assessed with, and the incident type (which plan) an alert declares.
 */
public record OwnedService(String id, String name, String team, String defaultImpact, String incidentType,
		List<String> integrationKeys) {

	static final String DEFAULT_IMPACT = "moderate";
	static final String DEFAULT_INCIDENT_TYPE = "operational";

	public OwnedService {
		defaultImpact = defaultImpact == null ? DEFAULT_IMPACT : defaultImpact;
		incidentType = incidentType == null ? DEFAULT_INCIDENT_TYPE : incidentType;
		integrationKeys = integrationKeys == null ? List.of() : List.copyOf(integrationKeys);
	}

	/** A service that takes no alerts. */
	public OwnedService(String id, String name, String team) {
		this(id, name, team, null, null, null);
	}

	/** Integration keys are secrets: a logged or printed service must never show them. */
	@Override
	public String toString() {
		return "OwnedService[id=%s, name=%s, team=%s, defaultImpact=%s, incidentType=%s, integrationKeys=%d hidden]"
			.formatted(id, name, team, defaultImpact, incidentType, integrationKeys.size());
	}
}
