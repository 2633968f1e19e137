package io.firebreak.alert;

/**
 * One thing an alert source told us about a group: an alert fired, was acknowledged or resolved.
 * {@code eventKey} identifies it across resends, so taking it in twice changes nothing.
 */
public record AlertEvent(String eventKey, Kind kind, String description) {

	public static final int DESCRIPTION_MAX = 2000;

	public enum Kind {
		FIRING, ACKNOWLEDGED, RESOLVED
	}

	public AlertEvent {
		description = Texts.shorten(description, DESCRIPTION_MAX);
	}
}
