package io.firebreak.paging;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.firebreak.system.LinkSigner;

/**
 * Turns a page into the token of its acknowledgement link and back. The token is signed, so it
 * cannot be made up or altered; it names one step of one escalation, so it stops working once
 * the page escalates or is acknowledged (single use), and it carries its expiry.
 */
@Component
class AcknowledgementLinks {

	private static final String PURPOSE = "ack";
	private static final Pattern SEPARATOR = Pattern.compile("\\|");

	private final LinkSigner signer;

	AcknowledgementLinks(LinkSigner signer) {
		this.signer = signer;
	}

	String issue(AcknowledgementLink link) {
		return signer.sign(String.join("|", PURPOSE, link.processInstanceId(), Integer.toString(link.step()),
				link.person(), Long.toString(link.expiresAt().getEpochSecond())));
	}

	/** The link a token stands for; empty when it was not made by us or was altered. */
	Optional<AcknowledgementLink> read(String token) {
		return signer.verify(token).flatMap(payload -> {
			String[] parts = SEPARATOR.split(payload, -1);
			if (parts.length != 5 || !PURPOSE.equals(parts[0])) {
				return Optional.empty();
			}
			try {
				return Optional.of(new AcknowledgementLink(parts[1], Integer.parseInt(parts[2]), parts[3],
						Instant.ofEpochSecond(Long.parseLong(parts[4]))));
			}
			catch (NumberFormatException e) {
				return Optional.empty();
			}
		});
	}
}
