package io.firebreak.incident;

/** A step asked of an incident that is not where that step can happen. Nothing was changed. */
public class IllegalIncidentTransition extends RuntimeException {

	public IllegalIncidentTransition(IncidentKey key, String step, IncidentStatus status) {
		super("Incident " + key + " cannot be " + step + " while it is " + status.name().toLowerCase());
	}
}
