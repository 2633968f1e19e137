package io.firebreak.paging;

import java.time.Instant;

/**
 * What the link in a page mail stands for: the page of escalation step {@code step} in process
 * instance {@code processInstanceId}, sent to {@code person}, good until {@code expiresAt}.
 */
record AcknowledgementLink(String processInstanceId, int step, String person, Instant expiresAt) {

	boolean expiredAt(Instant now) {
		return !now.isBefore(expiresAt);
	}
}
