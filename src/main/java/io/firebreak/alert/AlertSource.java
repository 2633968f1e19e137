package io.firebreak.alert;

/** Where an alert came from; its id is also the actor of what it writes to an incident's timeline. */
public enum AlertSource {
	ALERTMANAGER("alertmanager"), PAGERDUTY_EVENTS("pagerduty-events"),
	/** A drill's scenario: its alerts fire as if from the service's monitoring (see {@link DrillAlerts}). */
	DRILL("drill");

	private final String id;

	AlertSource(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	static AlertSource ofId(String id) {
		for (AlertSource source : values()) {
			if (source.id.equals(id)) {
				return source;
			}
		}
		throw new IllegalArgumentException("no alert source " + id);
	}
}
