package io.firebreak.security;

import java.time.Duration;
import java.time.Instant;

/**
 * One notification a breach obliges (a row of processes/breach-notification.dmn): to whom, under
 * which law, by when; and, once made, the evidence: what was sent, to whom, when, the recipient's
 * reference, and why it was late if it was.
 */
public record BreachObligation(String incidentKey, String obligation, String recipient, String basis,
		Instant deadlineAt, Instant decidedAt, Instant sentAt, String sentTo, String reference, String whatWasSent,
		String lateReason, String recordedBy, Instant recordedAt, Instant lastRemindedAt) {

	public boolean met() {
		return sentAt != null;
	}

	/** Made after its deadline. */
	public boolean late() {
		return sentAt != null && sentAt.isAfter(deadlineAt);
	}

	/** Not made, and its deadline has passed. */
	public boolean overdue(Instant now) {
		return sentAt == null && now.isAfter(deadlineAt);
	}

	/** How long before (positive) or after (negative) the deadline it was made, or is now. */
	public Duration margin(Instant now) {
		return Duration.between(sentAt != null ? sentAt : now, deadlineAt);
	}

	/** "20 h 3 min", the way people read a deadline. */
	public static String hoursAndMinutes(Duration duration) {
		Duration positive = duration.abs();
		long hours = positive.toHours();
		int minutes = positive.toMinutesPart();
		return hours == 0 ? minutes + " min" : minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
	}
}
