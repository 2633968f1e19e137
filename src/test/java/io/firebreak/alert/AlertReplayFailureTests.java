package io.firebreak.alert;

import static io.firebreak.alert.AlertFixtures.pagerDuty;
import static io.firebreak.alert.AlertFixtures.recordedText;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.firebreak.system.FirebreakNode;

/**
 * Alert sources resend: Alertmanager on every repeat_interval and after any error, PagerDuty-format
 * senders whenever they are unsure. Replays must change nothing. One node (the packaged jar, H2
 * file database, job executor on) takes the same event history twice, under other group keys:
 * once with each event sent exactly once, and once with every event replayed, one Alertmanager
 * payload 100 times (60 at once, the rest later), the others several times each, the duplicates
 * shuffled in. Per alert group, the incidents, the alert events taken in, the timelines and the
 * open tasks must come out the same.
 *
 * Only duplicates are shuffled: the first occurrences keep their order in both runs. A resolve
 * that arrives before its trigger is a different history (the resolve finds no incident to tell,
 * the trigger then declares one), not a replay of the same one.
 */
class AlertReplayFailureTests {

	static final Path WORK = Path.of("target/failure/replay");
	static final long SEED = Long.getLong("replay.seed", 20261129L);
	static final int ALERTMANAGER_SENDS = 100;
	static final int ALERTMANAGER_AT_ONCE = 60;

	FirebreakNode node;

	@AfterEach
	void tearDown() throws Exception {
		if (node != null) {
			node.kill();
		}
	}

	@Test
	void replayedAndShuffledDuplicatesEndInTheSameStateAsEachEventSentOnce() throws Exception {
		FirebreakNode.deleteWorkDirectory(WORK);
		node = new FirebreakNode("replay", WORK).start();
		AlertHttp http = AlertHttp.on(node.port());

		ReplayRun once = new ReplayRun("once.", history("once."));
		for (Send send : once.sends()) {
			once.record(send, send.post(http));
		}

		ReplayRun replayed = new ReplayRun("replay.", history("replay."));
		List<Send> sends = replayed.withDuplicates(new Random(SEED), ALERTMANAGER_SENDS, ALERTMANAGER_AT_ONCE);
		System.out.printf("Replay run: %d distinct events sent %d times (seed %d)%n", replayed.events().size(),
				sends.size() + ALERTMANAGER_AT_ONCE - 1, SEED);
		List<AlertHttp.Answer> burst = atOnce(http, sends.get(0), ALERTMANAGER_AT_ONCE);
		assertThat(burst).extracting(AlertHttp.Answer::status).containsOnly(202);
		assertThat(burst).extracting(a -> a.text("status")).as("60 at once: one first, 59 replays")
			.containsOnlyOnce("declared").filteredOn(status -> !status.equals("declared")).containsOnly("duplicate");
		replayed.record(sends.get(0), burst.stream().filter(a -> a.text("status").equals("declared")).findFirst()
			.orElseThrow());
		for (Send send : sends.subList(1, sends.size())) {
			replayed.record(send, send.post(http));
		}

		assertThat(replayed.firstAnswers()).as("what each event's first sending answered")
			.isEqualTo(once.firstAnswers());
		assertThat(replayed.replays()).as("replays sent one by one").isEqualTo(sends.size() - once.sends().size());

		ReplayState state = new ReplayState(node);
		state.awaitPagesSettled(once.incidents(), replayed.incidents());
		Map<String, List<String>> onceState = state.perGroup(once);
		Map<String, List<String>> replayedState = state.perGroup(replayed);
		node.stop();
		state.addAlertEvents(once, onceState);
		state.addAlertEvents(replayed, replayedState);

		once.firstAnswers().forEach((event, answer) -> System.out.printf("  %-32s -> %s%n", event, answer));
		onceState.forEach((group, lines) -> System.out.printf("  group %s: %d lines of state, %d alert events%n", group,
				lines.size(), lines.stream().filter(line -> line.startsWith("alert event")).count()));
		assertThat(replayedState).as("per alert group: incidents, tasks, timeline, alert events")
			.isEqualTo(onceState);
	}

	/** One send of one event: an Alertmanager webhook or a PagerDuty-format event. */
	record Send(String event, boolean alertmanager, byte[] body, boolean replay) {

		AlertHttp.Answer post(AlertHttp http) {
			return alertmanager ? http.alertmanager(body) : http.pagerDuty(body);
		}
	}

	/**
	 * The event history, in the order of first occurrence, with every group key and dedup_key
	 * prefixed by the run's {@code prefix}. Alertmanager's severity is lowered to warning (SEV3),
	 * so that no page escalates (5 minutes for SEV1) while the test runs.
	 */
	static Map<String, Send> history(String prefix) {
		Map<String, Send> events = new LinkedHashMap<>();
		am(events, "AM checkout firing", "alertmanager-firing.json", prefix);
		pd(events, "PD k1 trigger", pagerDuty("trigger", prefix + "checkout/5xx", "Checkout 5xx above 2%", "error", "checkout"));
		pd(events, "PD k2 trigger", pagerDuty("trigger", prefix + "payments/latency", "Payments p99 above 2s", "warning", "payments"));
		am(events, "AM checkout second alert", "alertmanager-second-alert.json", prefix);
		pd(events, "PD k1 acknowledge", pagerDuty("acknowledge", prefix + "checkout/5xx", null, null, null));
		pd(events, "PD k2 trigger, worse", pagerDuty("trigger", prefix + "payments/latency", "Payments p99 above 5s", "warning", "payments"));
		pd(events, "PD k3 trigger", pagerDuty("trigger", prefix + "payments/queue", "Queue backlog above 10k", "info", "payments"));
		pd(events, "PD recorded trigger", recordedPagerDuty("pagerduty-from-alertmanager-trigger.json", prefix));
		pd(events, "PD k1 resolve", pagerDuty("resolve", prefix + "checkout/5xx", null, null, null));
		pd(events, "PD k3 acknowledge", pagerDuty("acknowledge", prefix + "payments/queue", null, null, null));
		am(events, "AM checkout resolved", "alertmanager-resolved.json", prefix);
		pd(events, "PD k4 resolve, never triggered", pagerDuty("resolve", prefix + "checkout/old", null, null, null));
		pd(events, "PD recorded resolve", recordedPagerDuty("pagerduty-from-alertmanager-resolve.json", prefix));
		pd(events, "PD k3 resolve", pagerDuty("resolve", prefix + "payments/queue", null, null, null));
		pd(events, "PD k2 acknowledge", pagerDuty("acknowledge", prefix + "payments/latency", null, null, null));
		return events;
	}

	private static void am(Map<String, Send> events, String name, String recording, String prefix) {
		String payload = recordedText(recording).replace("\"groupKey\":\"", "\"groupKey\":\"" + prefix)
			.replace("\"severity\":\"critical\"", "\"severity\":\"warning\"");
		events.put(name, new Send(name, true, payload.getBytes(UTF_8), false));
	}

	private static void pd(Map<String, Send> events, String name, byte[] body) {
		events.put(name, new Send(name, false, body, false));
	}

	private static byte[] recordedPagerDuty(String recording, String prefix) {
		String dedupKey = "8b01510fd8995a859a068092334410f14cbe4ffd4afa3f8bfe1c17acf2e1c2db";
		return recordedText(recording).replace(dedupKey, prefix + dedupKey).getBytes(UTF_8);
	}

	/** The same payload {@code times} times at once, released together. */
	private static List<AlertHttp.Answer> atOnce(AlertHttp http, Send send, int times) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(times);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Callable<AlertHttp.Answer>> posts = new ArrayList<>();
			for (int i = 0; i < times; i++) {
				posts.add(() -> {
					go.await();
					return send.post(http);
				});
			}
			List<Future<AlertHttp.Answer>> pending = posts.stream().map(pool::submit).toList();
			go.countDown();
			List<AlertHttp.Answer> answers = new ArrayList<>();
			for (Future<AlertHttp.Answer> answer : pending) {
				answers.add(answer.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
