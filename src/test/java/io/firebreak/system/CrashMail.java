package io.firebreak.system;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What reached the test's mail server: pages by incident, and any mail that arrived twice. */
final class CrashMail {

	private CrashMail() {
	}

	/** Incidents whose first page (Message-ID {@code <INC-….page.0@…>}) has arrived. */
	static Set<String> pagedIncidents(GreenMail mail) throws MessagingException {
		Set<String> paged = new HashSet<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (message.getMessageID().contains(".page.0@")) {
				paged.add(message.getHeader("X-Firebreak-Incident", null));
			}
		}
		return paged;
	}

	/** Waits until every incident's page has arrived, and returns when (System.nanoTime()). */
	static long awaitPages(GreenMail mail, Set<String> incidents, long deadlineNanos) throws Exception {
		while (true) {
			Set<String> missing = new TreeSet<>(incidents);
			missing.removeAll(pagedIncidents(mail));
			if (missing.isEmpty()) {
				return System.nanoTime();
			}
			if (System.nanoTime() > deadlineNanos) {
				throw new AssertionError("pages not out in time for " + missing.size() + " incidents: " + missing);
			}
			Thread.sleep(100);
		}
	}

	/** Message-IDs that arrived more often than they have recipients. */
	static List<String> sentMoreThanOnce(GreenMail mail) throws MessagingException {
		Map<String, Integer> arrived = new HashMap<>();
		Map<String, Integer> recipients = new HashMap<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			arrived.merge(message.getMessageID(), 1, Integer::sum);
			recipients.put(message.getMessageID(), message.getAllRecipients().length);
		}
		return arrived.entrySet().stream()
			.filter(e -> e.getValue() > recipients.get(e.getKey()))
			.map(e -> e.getKey() + " arrived " + e.getValue() + " times")
			.sorted()
			.toList();
	}
}
