package io.firebreak.system;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

	/** The pages and escalations of an incident: the mails a paging test is about, in the order they arrived. */
	public List<String> pageMessageIds(String incidentKey) {
		return messageIds(incidentKey).stream().filter(id -> id.contains(".page.")).toList();
	}

	/**
	 * Every copy delivered, as "recipient Message-ID": a mail to several people arrives once per
	 * recipient, so a repeated entry means a mail sent twice.
	 */
	public List<String> allCopies() {
		java.util.List<String> copies = new java.util.ArrayList<>();
		for (var user : server.getUserManager().listUser()) {
			server.findReceivedMessages(recipient -> recipient.equals(user), message -> true)
				.forEach(message -> copies.add(user.getEmail() + " " + header(message, "Message-ID")));
		}
		return copies;
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

	/** Incidents whose first page has arrived. */
	public Set<String> pagedIncidents() {
		return all().stream()
			.filter(message -> header(message, "Message-ID").contains(".page.0@"))
			.map(message -> header(message, "X-Firebreak-Incident"))
			.collect(Collectors.toSet());
	}

	/** Waits until every incident's first page has arrived, and returns when (System.nanoTime()). */
	public long awaitPages(Set<String> incidents, long deadlineNanos) throws InterruptedException {
		while (true) {
			Set<String> missing = new TreeSet<>(incidents);
			missing.removeAll(pagedIncidents());
			if (missing.isEmpty()) {
				return System.nanoTime();
			}
			if (System.nanoTime() > deadlineNanos) {
				throw new AssertionError("pages not out in time for " + missing.size() + " incidents: " + missing);
			}
			Thread.sleep(100);
		}
	}

	/** Message-IDs that arrived more often than they have recipients (GreenMail keeps a copy per recipient). */
	public List<String> sentMoreThanOnce() {
		Map<String, Integer> arrived = new HashMap<>();
		Map<String, Integer> recipients = new HashMap<>();
		for (MimeMessage message : all()) {
			arrived.merge(header(message, "Message-ID"), 1, Integer::sum);
			recipients.put(header(message, "Message-ID"), recipientCount(message));
		}
		return arrived.entrySet().stream()
			.filter(e -> e.getValue() > recipients.get(e.getKey()))
			.map(e -> e.getKey() + " arrived " + e.getValue() + " times")
			.sorted()
			.toList();
	}

	private static int recipientCount(MimeMessage message) {
		try {
			return message.getAllRecipients().length;
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private List<MimeMessage> all() {
		return Arrays.asList(server.getReceivedMessages());
	}
}
