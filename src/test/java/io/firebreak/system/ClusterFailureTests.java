package io.firebreak.system;

import static io.firebreak.system.ReceivedMail.header;
import static io.firebreak.system.ReceivedMail.pageMessageId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

/**
 * Two Firebreak nodes, each the packaged jar in a JVM of its own, with their job executors on one
 * PostgreSQL database (a database of this test's own, dropped afterwards). A person's task can be
 * completed on either node while the other node's jobs work on the same incidents, and nobody sees
 * an optimistic-locking error; a node killed ({@code kill -9}) in the middle of an escalation leaves
 * it to the other node, which sends it exactly once. Each node's log is in
 * target/failure/cluster/&lt;database&gt;/&lt;node&gt;/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailureTests {

	static final String ASSESS = "UserTask_AssessIncident";
	static final String ACKNOWLEDGE = "UserTask_AcknowledgePage";
	static final Map<String, Object> ASSESSMENT = Map.of("impact", "significant", "urgency", "high", "service",
			"checkout", "commander", "ic", "communicationsLead", "comms", "scribe", "oncall2", "customerImpact",
			"Payments fail for EU"); // as IncidentResponseDriver.assess
	static final int INCIDENTS = 8;

	static PostgresDatabase database;
	static GreenMail mail;
	static ReceivedMail received;
	static SmtpGate gateA;
	static SmtpGate gateB;
	static FirebreakNode nodeA;
	static FirebreakNode nodeB;

	@BeforeAll
	static void startCluster() throws Exception {
		database = PostgresDatabase.create("firebreak_cluster");
		mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		received = new ReceivedMail(mail);
		gateA = new SmtpGate(mail.getSmtp().getPort());
		gateB = new SmtpGate(mail.getSmtp().getPort());
		// One at a time: a node creates Camunda's schema on its first start (schema-update), and
		// two nodes creating it at once both try to create the same tables; the second node finds it.
		nodeA = node("node-a", gateA).start();
		nodeB = node("node-b", gateB).start();
	}

	static FirebreakNode node(String name, SmtpGate gate) {
		return new FirebreakNode(name, Path.of("target/failure/cluster", database.name(), name),
				"--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + PostgresDatabase.user(), "--spring.datasource.password=",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + gate.port());
	}

	@AfterAll
	static void stopCluster() throws Exception {
		for (FirebreakNode node : Arrays.asList(nodeA, nodeB)) {
			if (node != null) {
				node.stop();
			}
		}
		for (AutoCloseable closeable : Arrays.<AutoCloseable>asList(gateA, gateB, mail == null ? null : mail::stop,
				database)) {
			if (closeable != null) {
				closeable.close();
			}
		}
	}

	@Test
	@Order(1)
	void tasksCompleteOnEitherNodeWhileJobsRunAndNoOptimisticLockingErrorReachesAPerson() throws Exception {
		FirebreakNode[] nodes = { nodeA, nodeB };
		List<String> keys = new ArrayList<>();
		Queue<String> refused = new ConcurrentLinkedQueue<>();
		ExecutorService people = Executors.newFixedThreadPool(2 * INCIDENTS);
		List<Future<?>> work = new ArrayList<>();
		long started = System.nanoTime();
		try {
			for (int i = 0; i < INCIDENTS; i++) {
				EngineRest here = new EngineRest(nodes[i % 2]);
				EngineRest there = new EngineRest(nodes[(i + 1) % 2]);
				String key = declare(nodes[i % 2]);
				keys.add(key);
				// Even incidents: assessed on the other node at once, while the page job runs. Odd
				// incidents: assessed and acknowledged at the same moment on two nodes, so both
				// completions reach the join (Gateway_ResponseReady) together.
				CyclicBarrier together = i % 2 == 1 ? new CyclicBarrier(2) : null;
				work.add(people.submit(() -> {
					JsonNode task = await(there, key, ASSESS);
					if (together != null) {
						await(there, key, ACKNOWLEDGE);
						together.await(60, TimeUnit.SECONDS);
					}
					return record(refused, there, "ic", task, ASSESSMENT);
				}));
				work.add(people.submit(() -> {
					JsonNode task = await(here, key, ACKNOWLEDGE);
					if (together != null) {
						together.await(60, TimeUnit.SECONDS);
					}
					return record(refused, here, task.path("assignee").asText(), task, Map.of());
				}));
			}
			for (Future<?> done : work) {
				done.get(3, TimeUnit.MINUTES);
			}
		}
		finally {
			people.shutdownNow();
		}
		System.out.printf("[cluster] %d incidents declared and %d tasks completed across node-a and node-b in %.1f s%n",
				INCIDENTS, 2 * INCIDENTS, (System.nanoTime() - started) / 1e9);
		System.out.println("[cluster] successful job runs by node: " + database.rows(
				"select hostname_ as node, count(*) as runs from act_hi_job_log where job_state_ = 2 group by hostname_"));

		assertThat(refused).as("completions that did not answer 204").isEmpty();
		for (String key : keys) {
			// containment follows the initial notice, a job of its own after the assessment
			Poll.until("containment of " + key, Duration.ofSeconds(30), () -> new EngineRest(nodeA).tasks(key).stream()
				.filter(task -> "UserTask_ContainIncident".equals(task.path("taskDefinitionKey").asText())).findFirst());
			assertThat(new EngineRest(nodeA).tasks(key)).extracting(task -> task.path("taskDefinitionKey").asText())
				.as("open tasks of " + key).containsExactly("UserTask_ContainIncident");
			assertThat(timelineKinds(nodeB, key)).as("timeline of " + key)
				.containsOnlyOnce("declared", "paged", "assessed", "acknowledged")
				.doesNotContain("escalated");
			assertThat(received.pageMessageIds(key)).as("pages of " + key).containsExactly(pageMessageId(key, 0));
		}
	}

	@Test
	@Order(2)
	void aNodeKilledWhileItSendsAnEscalationLeavesItToTheOtherNodeWhichSendsItOnce() throws Exception {
		EngineRest rest = new EngineRest(nodeA);
		String key = declare(nodeA);
		String instance = rest.processInstanceId(key);
		await(rest, key, ACKNOWLEDGE);
		assertThat(received.pageMessageIds(key)).containsExactly(pageMessageId(key, 0));

		// Every page is out and nothing else is due. From now on a mail through either gate hangs
		// (accepted, never answered, for the SMTP read timeout of 10 s), so whichever node fires the
		// acknowledgement timer is caught in the middle of the escalation, holding its job's lock.
		gateA.hang();
		gateB.hang();
		List<JsonNode> timers = rest.timers(instance);
		assertThat(timers).as("the acknowledgement timer").hasSize(1);
		rest.dueAt(timers.get(0).path("id").asText(), Instant.now());
		Map<String, Object> held = Poll.until("a node holding and sending the escalation of " + key,
				Duration.ofSeconds(30), () -> escalationBeingSent(instance, key));
		FirebreakNode victim = nodeA.name().equals(held.get("owner")) ? nodeA : nodeB;
		FirebreakNode survivor = victim == nodeA ? nodeB : nodeA;
		(survivor == nodeA ? gateA : gateB).open();
		Instant lockExpires = ((Timestamp) held.get("lock_expires")).toInstant();
		Instant killed = Instant.now();
		victim.kill();

		MimeMessage escalation = Poll.until("the escalation of " + key + " from " + survivor.name(),
				Duration.ofSeconds(60), () -> received.of(key).stream()
					.filter(message -> pageMessageId(key, 1).equals(header(message, "Message-ID")))
					.findFirst());
		Duration takeover = Duration.between(killed, Instant.now());
		System.out.printf("[cluster] %s was killed while sending the escalation of %s; its job lock ran out %.1f s "
				+ "after the kill; %s delivered the escalation %.1f s after the kill%n", victim.name(), key,
				Duration.between(killed, lockExpires).toMillis() / 1e3, survivor.name(), takeover.toMillis() / 1e3);

		// Once the run is in the job log, the job committed and is gone: nothing can send it again.
		Poll.until("the escalation job's successful run in the job log", Duration.ofSeconds(30),
				() -> jobLog(instance, "ServiceTask_EscalatePage", 2).stream().findFirst());
		assertThat(jobLog(instance, "ServiceTask_EscalatePage", 2)).extracting(run -> run.get("hostname_"))
			.as("hosts that ran the escalation").containsExactly(survivor.name());
		assertThat(jobLog(instance, "ServiceTask_EscalatePage", 1)).as("failed escalation runs").isEmpty();
		assertThat(database.rows("select status, attempts from notification where notification_key = ?", key + "/page/1"))
			.as("the escalation's delivery record").containsExactly(Map.of("status", "SENT", "attempts", 1));
		assertThat(jobLog(instance, "Timer_AckTimeout", 2)).extracting(run -> run.get("hostname_"))
			.as("hosts that fired the timer").containsExactly(victim.name());
		assertThat(takeover).isLessThan(Duration.ofSeconds(60));

		assertThat(received.pageMessageIds(key)).as("pages of " + key)
			.containsExactly(pageMessageId(key, 0), pageMessageId(key, 1));
		assertThat(escalation.getSubject()).contains(key);
		assertThat(header(escalation, "X-Firebreak-Incident")).isEqualTo(key);
		assertThat(escalation.getAllRecipients()).extracting(Object::toString)
			.containsExactly("oncall2@firebreak.example");
		assertThat(received.allCopies())
			.as("every mail the cluster sent, by recipient and Message-ID").doesNotHaveDuplicates();
		assertThat(timelineKinds(survivor, key)).as("timeline of " + key).containsOnlyOnce("escalated");
		assertThat(new EngineRest(survivor).task(key, ACKNOWLEDGE)).get()
			.extracting(task -> task.path("assignee").asText()).isEqualTo("oncall2");
	}

	static String declare(FirebreakNode node) throws Exception {
		NodeHttp.Answer declared = node.http().declare("Checkout errors", "checkout", "significant", "high");
		assertThat(declared.status()).as("declaring on " + node.name() + ": " + declared.body()).isEqualTo(201);
		return declared.json().path("key").asText();
	}

	static JsonNode await(EngineRest rest, String key, String definitionKey) throws Exception {
		return Poll.until(definitionKey + " of " + key, Duration.ofSeconds(90), () -> rest.task(key, definitionKey));
	}

	static Object record(Queue<String> refused, EngineRest rest, String user, JsonNode task, Map<String, Object> form)
			throws Exception {
		NodeHttp.Answer answer = rest.complete(user, task, form);
		if (answer.status() != 204) {
			refused.add(rest.node().name() + ": " + user + " completing " + task.path("taskDefinitionKey").asText()
					+ " of " + task.path("processInstanceId").asText() + " got " + answer.status() + " " + answer.body());
		}
		return answer.status();
	}

	/** The escalation job of the instance while a node holds its lock and the claim on its mail. */
	static Optional<Map<String, Object>> escalationBeingSent(String instance, String key) {
		return database.rows("""
				select j.lock_owner_ as owner, j.lock_exp_time_ as lock_expires from act_ru_job j
				join act_ru_jobdef d on d.id_ = j.job_def_id_
				join notification n on n.notification_key = ? and n.status = 'SENDING' and n.sending_by = j.lock_owner_
				where j.process_instance_id_ = ? and d.act_id_ = 'ServiceTask_EscalatePage' and j.lock_exp_time_ > ?""",
				key + "/page/1", instance, Timestamp.from(Instant.now())).stream().findFirst();
	}

	/** Camunda's job log of an activity's jobs in a state (0 created, 1 failed, 2 successful, 3 deleted). */
	static List<Map<String, Object>> jobLog(String instance, String activity, int state) {
		return database.rows("select hostname_ from act_hi_job_log where process_instance_id_ = ? and act_id_ = ? "
				+ "and job_state_ = ?", instance, activity, state);
	}

	static List<String> timelineKinds(FirebreakNode node, String key) throws Exception {
		List<String> kinds = new ArrayList<>();
		node.http().get("ic", "/api/incidents/" + key + "/timeline").json()
			.forEach(entry -> kinds.add(entry.path("kind").asText()));
		return kinds;
	}
}
