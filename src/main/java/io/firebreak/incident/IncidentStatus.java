package io.firebreak.incident;

/** Where an incident stands in the response; each step is reached only from the one before it. */
public enum IncidentStatus {
	DECLARED, ACKNOWLEDGED, CONTAINED, MITIGATED, RESOLVED, CLOSED;

	public boolean isOpen() {
		return this != RESOLVED && this != CLOSED;
	}
}
