package io.firebreak.incident;

public class IncidentNotFound extends RuntimeException {

	public IncidentNotFound(Object key) {
		super("No incident " + key);
	}
}
