package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * {@code kill -9} in the middle of work, five times over, on the default H2 file database.
 * Firebreak runs from its jar in a JVM of its own; clients declare incidents, post alerts and
 * complete tasks while it works, and the mail server has just stopped answering, so pages are in
 * the middle of being sent. Then the JVM is killed and started again. Everything that was answered
 * (201, 202, 204) must be there, with its plan, tasks and timers; keys stay unique, with a number
 * left unused only by a declaration the crash cut off;
 * every page pending at the crash goes out within seconds of the restart (the issue asks 30 s),
 * and no mail goes out twice.
 */
class CrashRecoveryFailureTests {

	static final int ROUNDS = 5;
	// The issue asks for 30 s. Held to 15 s: a page cut off by the crash is locked by the dead
	// JVM until about 39 s after the kill, and the restart takes 10 to 15 s, so only the node
	// releasing its own locks at start gets it out in seconds (measured: under 2 s).
	static final Duration PAGES_OUT_WITHIN = Duration.ofSeconds(15);

	final Path work = Path.of("target/failure/crash");
	GreenMail mail;
	ReceivedMail received;
	SmtpGate gate;
	FirebreakNode node;
	final CrashLedger ledger = new CrashLedger();
	final List<String> figures = new ArrayList<>();

	@BeforeEach
	void start() throws Exception {
		FileSystemUtils.deleteRecursively(work);
		mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		received = new ReceivedMail(mail);
		gate = new SmtpGate(mail.getSmtp().getPort());
		node = new FirebreakNode("crash-node", work, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + gate.port(), "--logging.level.root=WARN").start();
	}

	@AfterEach
	void stop() throws Exception {
		node.kill();
		gate.close();
		mail.stop();
		figures.forEach(System.out::println);
	}

	@Test
	void killNineDuringDeclarationsAlertsAndTaskWorkLosesNothingAnsweredAndSendsEveryPageOnce() throws Exception {
		for (int round = 1; round <= ROUNDS; round++) {
			gate.open();
			CrashTraffic traffic = CrashTraffic.start(node, ledger, round);
			Thread.sleep(3_000);
			// New sends hang from here on; sends already under way finish first, so the crash
			// cuts pages in the middle of their work, not in the middle of the server's reply.
			gate.hang();
			Thread.sleep(1_000);
			node.kill();
			long killedAt = System.nanoTime();
			traffic.stop();
			Set<String> pendingAtCrash = new HashSet<>(ledger.incidents());
			pendingAtCrash.removeAll(received.pagedIncidents());
			assertThat(pendingAtCrash).as("pages cut off by the crash in round %d", round).isNotEmpty();

			gate.open();
			node.start();
			long upAt = System.nanoTime();
			long lastPage = received.awaitPages(ledger.incidents(), upAt + PAGES_OUT_WITHIN.toNanos());
			figures.add("round %d: answered %d declarations, %d alerts, %d task completions; %d pages pending at the crash; restart took %.1f s; every page out %.1f s after the restart"
				.formatted(round, traffic.declared(), traffic.alerts(), traffic.completed(), pendingAtCrash.size(),
						(upAt - killedAt) / 1e9, (lastPage - upAt) / 1e9));

			assertEverythingAnsweredIsThere(round);
			assertThat(received.sentMoreThanOnce()).as("mails sent more than once").isEmpty();
		}
	}

	private void assertEverythingAnsweredIsThere(int round) throws Exception {
		NodeHttp http = node.http();
		assertThat(ledger.refusals()).as("answers other than done").isEmpty();
		assertThat(ledger.answeredKeys()).as("keys answered twice").doesNotHaveDuplicates();
		long highest = 0;
		for (String key : ledger.incidents()) {
			assertThat(http.get("admin", "/api/incidents/" + key).status()).as(key).isEqualTo(200);
			JsonNode instances = http.get("admin", "/engine-rest/process-instance?businessKey=" + key).json();
			assertThat(instances).as("plan of " + key).hasSize(1);
			String instance = instances.get(0).path("id").asText();
			JsonNode tasks = http.get("admin", "/engine-rest/task?processInstanceId=" + instance).json();
			assertThat(tasks).as("open tasks of " + key).isNotEmpty();
			boolean awaitingAcknowledgement = false;
			for (JsonNode task : tasks) {
				awaitingAcknowledgement |= task.path("taskDefinitionKey").asText().equals("UserTask_AcknowledgePage");
			}
			if (awaitingAcknowledgement) {
				assertThat(http.get("admin", "/engine-rest/job?timers=true&processInstanceId=" + instance).json())
					.as("acknowledgement timer of " + key).isNotEmpty();
			}
			highest = Math.max(highest, sequence(key));
		}
		// Unique and increasing: a declaration takes its number before it starts its plan (README,
		// "Incident keys"), so a declaration cut off by the crash may leave its number unused. Only
		// those: at most one hole per client declaring (and the alert source) at each crash.
		long declaringAtEachCrash = CrashTraffic.DECLARING_CLIENTS + 1;
		long existing = 0;
		long holes = 0;
		long last = 0;
		for (long n = 1; n <= highest + declaringAtEachCrash * round; n++) {
			if (http.get("admin", "/api/incidents/" + key(n)).status() == 200) {
				existing++;
				holes += n - last - 1;
				last = n;
			}
		}
		assertThat(last).as("last key").isGreaterThanOrEqualTo(highest);
		assertThat(holes).as("numbers left unused by declarations cut off in %d crashes", round)
			.isLessThanOrEqualTo(declaringAtEachCrash * round);
		JsonNode listed = http.get("admin", "/api/incidents").json();
		if (listed.size() < 500) {
			assertThat(listed.size()).as("incidents listed").isEqualTo(existing);
		}
		for (String task : ledger.completedTasks()) {
			JsonNode history = http.get("admin", "/engine-rest/history/task?taskId=" + task).json();
			assertThat(history).as("completed task " + task).hasSize(1);
			assertThat(history.get(0).path("endTime").isNull()).as("completed task %s has ended", task).isFalse();
		}
	}

	private static String key(long sequence) {
		return "INC-%d-%04d".formatted(Year.now().getValue(), sequence);
	}

	private static long sequence(String key) {
		return Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
	}
}
