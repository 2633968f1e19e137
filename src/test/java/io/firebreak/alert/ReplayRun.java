package io.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import io.firebreak.alert.AlertReplayFailureTests.Send;

/**
 * One run of an event history: the events it sends (group keys and dedup_keys under the run's
 * prefix), what each event's first sending answered, and the incidents each alert group got.
 */
final class ReplayRun {

	private final String prefix;
	private final Map<String, Send> events;
	private final Map<String, String> firstAnswers = new LinkedHashMap<>();
	private final Map<String, Set<String>> incidentsByGroup = new TreeMap<>();
	private int replays;

	ReplayRun(String prefix, Map<String, Send> events) {
		this.prefix = prefix;
		this.events = events;
	}

	Map<String, Send> events() {
		return events;
	}

	/** Each event exactly once, in the history's order. */
	List<Send> sends() {
		return List.copyOf(events.values());
	}

	/**
	 * Every event of the history in its order, each followed (not necessarily at once) by its
	 * replays: the first event {@code firstEventSends - atOnce} more times (it is also sent
	 * {@code atOnce} times together first), the others one to four more times; each replay at a
	 * random place after its event's first sending, so the first sendings keep their order.
	 */
	List<Send> withDuplicates(Random random, int firstEventSends, int atOnce) {
		List<Send> sequence = new ArrayList<>(events.values());
		boolean first = true;
		for (Send event : events.values()) {
			int extra = first ? firstEventSends - atOnce : 1 + random.nextInt(4);
			first = false;
			for (int copy = 0; copy < extra; copy++) {
				int firstSending = indexOfFirst(sequence, event.event());
				int at = firstSending + 1 + random.nextInt(sequence.size() - firstSending);
				sequence.add(at, new Send(event.event(), event.alertmanager(), event.body(), true));
			}
		}
		return sequence;
	}

	private static int indexOfFirst(List<Send> sequence, String event) {
		for (int i = 0; i < sequence.size(); i++) {
			if (sequence.get(i).event().equals(event) && !sequence.get(i).replay()) {
				return i;
			}
		}
		throw new IllegalStateException(event);
	}

	/** Checks an answer (a replay must be answered 202 duplicate) and notes its group's incident. */
	void record(Send send, AlertHttp.Answer answer) {
		assertThat(answer.status()).as("%s: %s", send.event(), answer.body()).isEqualTo(202);
		String result = send.alertmanager() ? answer.text("status") : answer.text("result");
		if (!send.alertmanager()) {
			assertThat(answer.text("status")).as("PagerDuty's own answer").isEqualTo("success");
		}
		String group = normalize(send.alertmanager() ? answer.text("groupKey") : answer.text("dedup_key"));
		Set<String> incidents = incidentsByGroup.computeIfAbsent(group, g -> new LinkedHashSet<>());
		if (answer.body().hasNonNull("incident")) {
			incidents.add(answer.text("incident"));
		}
		if (send.replay()) {
			assertThat(result).as("replay of %s: %s", send.event(), answer.body()).isEqualTo("duplicate");
			replays++;
		}
		else {
			firstAnswers.put(send.event(), result + (send.alertmanager() ? ", " + answer.text("newEvents") + " new" : "")
					+ (answer.body().hasNonNull("incident") ? ", incident" : ", no incident"));
		}
	}

	Map<String, String> firstAnswers() {
		return firstAnswers;
	}

	int replays() {
		return replays;
	}

	/** Alert groups (without the run's prefix) and the incidents each got, in declaration order. */
	Map<String, Set<String>> incidentsByGroup() {
		return incidentsByGroup;
	}

	List<String> incidents() {
		return incidentsByGroup.values().stream().flatMap(Set::stream).toList();
	}

	String prefix() {
		return prefix;
	}

	/** Without the run's prefix and without incident keys, which differ between runs. */
	String normalize(String text) {
		return text == null ? null : text.replace(prefix, "").replaceAll("INC-\\d{4}-\\d{4,}", "INC-…");
	}

}
