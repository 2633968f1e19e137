package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.firebreak.system.FirebreakNode;
import io.firebreak.system.SmtpGate;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail server goes away for three minutes while 20 incidents are declared and two are resolved;
 * when it is back, every page and every resolution notice arrives, each exactly once. Firebreak
 * runs as its users run it (the packaged jar, H2 file database in target/failure/outage), mail
 * through an {@link SmtpGate} to GreenMail, the stakeholders' chat to a webhook of the test's.
 */
class MailOutageFailureTests {

	static final Path WORK = Path.of("target/failure/outage");
	static final Duration OUTAGE = Duration.ofMinutes(3);
	/*
	 * Six attempts, at +0, +10 s, +40 s, +1m40, +2m40 and +3m40 after the first (plus up to the job
	 * executor's 10 s max-wait each). A page first tried at any moment of the outage therefore
	 * still has an attempt left after the server is back at +3m (its last one is at +3m40 or
	 * later), so none runs out of retries into a Cockpit incident; and the waits are short at first
	 * (a blip is over in seconds) and never longer than a minute, so once the server is back every
	 * delivery goes out within about a minute (measured: 6 to 50 s). The default,
	 * PT10S,PT1M,PT5M,PT15M, rides out the outage too, but its fourth attempt comes 6m10 after the
	 * first: a page could wait more than three minutes after the server is back.
	 */
	static final String RETRY_INTERVALS = "PT10S,PT30S,PT1M,PT1M,PT1M";
	/** The longest retry interval, the job executor's max-wait (10 s), and room for a busy machine. */
	static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(150);
	static final int INCIDENTS_IN_OUTAGE = 20;
	// SEV2 to SEV4 only: their ack timeout (15 min and more) does not run out during the test, so
	// the plan sends no escalations; SEV1's 5 minutes would race the end of the test.
	static final String[][] IMPACT_URGENCY = { { "significant", "high" }, { "moderate", "medium" },
			{ "minor", "low" }, { "moderate", "high" } };
	static final List<String> STAKEHOLDERS = List.of("admin@firebreak.example", "ic@firebreak.example",
			"comms@firebreak.example");
	static final String ONCALL = "oncall@firebreak.example";

	GreenMail smtp;
	SmtpGate gate;
	ChatWebhookRecorder chat;
	FirebreakNode node;

	@AfterEach
	void tearDown() throws Exception {
		if (node != null) {
			node.kill();
		}
		if (gate != null) {
			gate.close();
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (chat != null) {
			chat.close();
		}
	}

	@Test
	void aThreeMinuteSmtpOutageShowsAsFailedThenEveryNoticeArrivesExactlyOnce() throws Exception {
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		gate = new SmtpGate(smtp.getSmtp().getPort());
		chat = new ChatWebhookRecorder();
		FirebreakNode.deleteWorkDirectory(WORK);
		Files.createDirectories(WORK);
		Path audiences = chat.writeAudiences(WORK.resolve("audiences.yaml"));
		node = new FirebreakNode("outage", WORK, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + gate.port(),
				"--firebreak.notifications.retry-intervals=" + RETRY_INTERVALS,
				"--firebreak.audiences.location=file:" + audiences.toAbsolutePath()).start();
		OutageScenario scenario = new OutageScenario(node);

		// Two incidents worked up to their resolution while mail still flows: they are resolved in the outage.
		List<String> toResolve = List.of(scenario.declare("Payments slow", "payments", "minor", "low"),
				scenario.declare("Checkout errors", "checkout", "significant", "high"));
		for (String key : toResolve) {
			scenario.workToResolve(key);
		}
		// their initial notices (after the assessment) go out before the outage too
		Map<String, List<String>> before = new LinkedHashMap<>();
		toResolve.forEach(key -> before.put(key, List.of("Status update by email to " + String.join(", ", STAKEHOLDERS)
				+ ": sent", "Status update by slack to stakeholders/incidents: sent")));
		scenario.awaitTimelines("the initial notices sent", DELIVERY_DEADLINE, before, null);
		int beforeOutage = 2 + toResolve.size() * STAKEHOLDERS.size();
		assertThat(smtp.getReceivedMessages()).as("the two pages and the initial notices before the outage")
			.hasSize(beforeOutage);

		gate.down();
		Instant downAt = Instant.now();
		List<String> inOutage = new ArrayList<>();
		for (int i = 0; i < INCIDENTS_IN_OUTAGE; i++) {
			String[] severity = IMPACT_URGENCY[i % IMPACT_URGENCY.length];
			inOutage.add(scenario.declare("Outage incident " + i, i % 2 == 0 ? "checkout" : "payments", severity[0],
					severity[1]));
		}
		for (String key : toResolve) {
			scenario.complete(key, "UserTask_ResolveIncident", "ic", Map.of("resolutionSummary", "Rolled back " + key));
		}
		System.out.printf("Outage: %d incidents declared and %d resolved in %d s after the SMTP server went down%n",
				inOutage.size(), toResolve.size(), Duration.between(downAt, Instant.now()).toSeconds());

		// Meanwhile: every undelivered notice shows as failed, with the SMTP server's error.
		String smtpError = "failed at SMTP server 127.0.0.1:" + gate.port();
		Map<String, List<String>> failing = new LinkedHashMap<>();
		inOutage.forEach(key -> failing.put(key, List.of("Page by email to " + ONCALL + ": FAILED after")));
		toResolve.forEach(key -> failing.put(key,
				List.of("Resolution by email to " + String.join(", ", STAKEHOLDERS) + ": FAILED after")));
		scenario.awaitTimelines("every undelivered notice shown as FAILED with the SMTP error", Duration.ofSeconds(90),
				failing, smtpError);
		assertThat(chat.postsFor(toResolve.get(0))).as("the chat target of the resolution needs no SMTP (and had the"
				+ " initial notice)").isEqualTo(2);
		assertThat(chat.postsFor(toResolve.get(1))).isEqualTo(2);
		scenario.assertDashboardShowsFailed(failing.keySet(), smtpError);
		scenario.assertIncidentPageShowsFailed(inOutage.get(0));
		scenario.assertIncidentPageShowsFailed(toResolve.get(0));

		OutageScenario.sleepUntil(downAt.plus(OUTAGE)); // the outage lasts its three minutes, whatever the test does
		assertThat(smtp.getReceivedMessages()).as("nothing got through the closed gate").hasSize(beforeOutage);
		gate.open();
		Instant backAt = Instant.now();

		// After: every notice delivered, exactly once.
		Map<String, List<String>> delivered = new LinkedHashMap<>();
		toResolve.forEach(key -> delivered.put(key, List.of("Page by email to " + ONCALL + ": sent",
				"Status update by email to " + String.join(", ", STAKEHOLDERS) + ": sent",
				"Status update by slack to stakeholders/incidents: sent",
				"Resolution by email to " + String.join(", ", STAKEHOLDERS) + ": sent",
				"Resolution by slack to stakeholders/incidents: sent")));
		inOutage.forEach(key -> delivered.put(key, List.of("Page by email to " + ONCALL + ": sent")));
		scenario.awaitTimelines("every notice sent", DELIVERY_DEADLINE, delivered, null);
		scenario.awaitNoNotificationJobsLeft(DELIVERY_DEADLINE);
		Duration recovered = Duration.between(backAt, Instant.now());

		Map<String, Integer> expected = new TreeMap<>();
		delivered.keySet().forEach(key -> expected.put(ONCALL + " " + messageId(key + "/page/0"), 1));
		toResolve.forEach(key -> STAKEHOLDERS.forEach(to -> {
			expected.put(to + " " + messageId(key + "/notice/initial/stakeholders/email"), 1);
			expected.put(to + " " + messageId(key + "/notice/resolution/stakeholders/email"), 1);
		}));
		assertThat(mailsByRecipientAndMessageId()).as("one mail per Message-ID per recipient").isEqualTo(expected);
		for (String key : delivered.keySet()) {
			JsonNode timeline = scenario.timeline(key);
			assertThat(OutageScenario.entries(timeline, "paged")).as("one page for %s", key).hasSize(1);
			assertThat(OutageScenario.entries(timeline, "notification")).as("notices of %s", key)
				.hasSize(delivered.get(key).size());
		}
		assertThat(chat.postsFor(toResolve.get(0)) + chat.postsFor(toResolve.get(1))).as("chat posts").isEqualTo(4);
		assertThat(chat.total()).isEqualTo(4);
		assertThat(scenario.engineIncidents()).as("no delivery ran out of retries").isZero();
		assertThat(scenario.incident(toResolve.get(0)).path("status").asText()).as("closed after its notice")
			.isEqualTo("closed");
		assertThat(scenario.openTasks(toResolve.get(1))).as("its postmortem").containsExactly("UserTask_AssignOwner");

		node.stop();
		printFigures(downAt, backAt, recovered);
	}

	private Map<String, Integer> mailsByRecipientAndMessageId() throws Exception {
		Map<String, Integer> copies = new TreeMap<>();
		for (var user : smtp.getUserManager().listUser()) {
			List<MimeMessage> inbox = smtp.findReceivedMessages(u -> u.equals(user), m -> true).toList();
			for (MimeMessage message : inbox) {
				copies.merge(user.getEmail() + " " + message.getMessageID(), 1, Integer::sum);
			}
		}
		return copies;
	}

	static String messageId(String notificationKey) {
		return "<" + notificationKey.replaceAll("[^A-Za-z0-9.-]", ".") + "@firebreak.example>";
	}

	/** Read from the node's database once it has stopped: when each notice went out, and after how many attempts. */
	private void printFigures(Instant downAt, Instant backAt, Duration recovered) throws Exception {
		String url = "jdbc:h2:file:" + WORK.resolve("data/firebreak").toAbsolutePath() + ";ACCESS_MODE_DATA=r";
		Map<String, List<Integer>> attempts = new TreeMap<>();
		Instant lastSent = null;
		Instant firstSentAfterBack = null;
		try (Connection db = DriverManager.getConnection(url, "sa", "");
				ResultSet rs = db.createStatement().executeQuery(
						"select kind, channel, status, attempts, sent_at from notification order by sent_at")) {
			while (rs.next()) {
				assertThat(rs.getString("status")).isEqualTo("SENT");
				attempts.computeIfAbsent(rs.getString("kind") + "/" + rs.getString("channel"), k -> new ArrayList<>())
					.add(rs.getInt("attempts"));
				Instant sent = rs.getTimestamp("sent_at").toInstant();
				lastSent = sent;
				if (firstSentAfterBack == null && sent.isAfter(backAt)) {
					firstSentAfterBack = sent;
				}
			}
		}
		System.out.printf("SMTP down %s, back %s (outage %d s)%n", downAt, backAt,
				Duration.between(downAt, backAt).toSeconds());
		System.out.printf("From SMTP back to first delivery: %.1f s, to last delivery: %.1f s "
				+ "(all delivered and no notification job left: %.1f s)%n",
				millis(backAt, firstSentAfterBack) / 1000.0, millis(backAt, lastSent) / 1000.0, recovered.toMillis() / 1000.0);
		attempts.forEach((kind, list) -> System.out.printf("Attempts per %s notice: %s%n", kind,
				list.stream().collect(Collectors.groupingBy(a -> a, TreeMap::new, Collectors.counting())).entrySet()
					.stream().map(e -> e.getValue() + " sent at attempt " + e.getKey()).collect(Collectors.joining(", "))));
	}

	private static long millis(Instant from, Instant to) {
		return to == null ? -1 : Duration.between(from, to).toMillis();
	}
}
