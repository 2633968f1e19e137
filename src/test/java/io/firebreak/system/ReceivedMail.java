package io.firebreak.system;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The mail a test's SMTP server (GreenMail) has received from Firebreak, by incident. */
public record ReceivedMail(GreenMail server) {

	/** The mails about an incident ({@code X-Firebreak-Incident}), in the order they arrived. */
	public List<MimeMessage> of(String incidentKey) {
		return all().stream().filter(message -> incidentKey.equals(header(message, "X-Firebreak-Incident"))).toList();
	}

	public List<String> messageIds(String incidentKey) {
		return of(incidentKey).stream().map(message -> header(message, "Message-ID")).toList();
	}

	public List<String> allMessageIds() {
		return all().stream().map(message -> header(message, "Message-ID")).toList();
	}

	/** The Message-ID Firebreak gives an incident's page at an escalation level (0 = the first page). */
	public static String pageMessageId(String incidentKey, int level) {
		return "<" + incidentKey + ".page." + level + "@firebreak.example>";
	}

	public static String header(MimeMessage message, String name) {
		try {
			return message.getHeader(name, null);
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private List<MimeMessage> all() {
		return Arrays.asList(server.getReceivedMessages());
	}
}
