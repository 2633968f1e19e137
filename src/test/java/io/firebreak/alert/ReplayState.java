package io.firebreak.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.firebreak.system.FirebreakNode;
import io.firebreak.system.NodeHttp;

/**
 * What a run left behind, per alert group, in lines that compare between runs: the group's
 * incidents (without key and times), their open tasks and timelines (kind, actor, description),
 * and the alert events taken in for the group.
 */
final class ReplayState {

	/** Written by the job executor (the page), so their place among the alert entries depends on timing. */
	private static final Set<String> TIMED_KINDS = Set.of("paged", "notification");

	private final FirebreakNode node;
	private final NodeHttp http;

	ReplayState(FirebreakNode node) {
		this.node = node;
		this.http = node.http();
	}

	/** Waits until every incident's page went out (kept in the outbox: no SMTP) and no page job is left. */
	@SafeVarargs
	final void awaitPagesSettled(Collection<String>... incidents) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		List<String> waiting = new ArrayList<>();
		do {
			waiting.clear();
			for (Collection<String> run : incidents) {
				for (String key : run) {
					if (timeline(key).findValuesAsText("description").stream()
						.noneMatch(d -> d.startsWith("Page by email") && d.contains("kept in the outbox"))) {
						waiting.add(key);
					}
				}
			}
			long jobs = http.get("admin", "/engine-rest/job/count?activityId=ServiceTask_PageOnCall").json()
				.path("count").asLong();
			if (waiting.isEmpty() && jobs == 0) {
				return;
			}
			Thread.sleep(1000);
		}
		while (Instant.now().isBefore(deadline));
		throw new AssertionError("pages not settled within 120 s: " + waiting + "; node log: " + node.log());
	}

	Map<String, List<String>> perGroup(ReplayRun run) throws Exception {
		Map<String, List<String>> state = new TreeMap<>();
		for (var group : run.incidentsByGroup().entrySet()) {
			List<String> lines = new ArrayList<>();
			int number = 0;
			for (String key : group.getValue()) {
				String incident = "incident " + ++number;
				JsonNode view = http.get("admin", "/api/incidents/" + encode(key)).json();
				lines.add(incident + ": " + run.normalize("%s | %s | %s | %s %s %s | %s | declared by %s | %s".formatted(
						view.path("title").asText(), view.path("service").asText(), view.path("type").asText(),
						view.path("impact").asText(), view.path("urgency").asText(), view.path("severity").asText(),
						view.path("status").asText(), view.path("declaredBy").asText(), view.path("summary").asText())));
				List<String> tasks = new ArrayList<>();
				http.get("admin", "/engine-rest/task?processInstanceBusinessKey=" + encode(key)).json()
					.forEach(task -> tasks.add(task.path("taskDefinitionKey").asText()));
				tasks.sort(null);
				lines.add(incident + " open tasks: " + tasks);
				List<String> timed = new ArrayList<>();
				for (JsonNode entry : timeline(key)) {
					String line = run.normalize(entry.path("kind").asText() + " by " + entry.path("actor").asText() + ": "
							+ entry.path("description").asText());
					if (TIMED_KINDS.contains(entry.path("kind").asText())) {
						timed.add(line);
					}
					else {
						lines.add(incident + " timeline: " + line);
					}
				}
				timed.sort(null);
				timed.forEach(line -> lines.add(incident + " timeline, written by jobs: " + line));
			}
			state.put(group.getKey(), lines);
		}
		return state;
	}

	/** Read from the node's database once it has stopped: the events taken in for each group, in order. */
	void addAlertEvents(ReplayRun run, Map<String, List<String>> state) throws Exception {
		String url = "jdbc:h2:file:" + node.log().getParent().resolve("data/firebreak").toAbsolutePath();
		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			try (ResultSet groups = db.createStatement().executeQuery("select group_key from alert_group")) {
				while (groups.next()) {
					String group = groups.getString(1);
					if (group.startsWith(run.prefix()) && !state.containsKey(run.normalize(group))) {
						state.put(run.normalize(group), new ArrayList<>(List.of("a group no answer named")));
					}
				}
			}
			for (var group : state.entrySet()) {
				List<String> incidents = List.copyOf(run.incidentsByGroup().getOrDefault(group.getKey(), Set.of()));
				try (PreparedStatement events = db.prepareStatement("""
						select e.kind, e.description, e.incident_key, e.recorded_at is not null as recorded
						from alert_event e join alert_group g on g.id = e.alert_group_id
						where g.group_key = ? order by e.id""")) {
					events.setString(1, run.prefix() + group.getKey());
					try (ResultSet rs = events.executeQuery()) {
						while (rs.next()) {
							String incident = rs.getString("incident_key");
							group.getValue().add("alert event: %s %s | %s | %s".formatted(rs.getString("kind"),
									run.normalize(rs.getString("description")),
									incident == null ? "no incident" : "incident " + (incidents.indexOf(incident) + 1),
									rs.getBoolean("recorded") ? "on the timeline" : "not on a timeline"));
						}
					}
				}
			}
		}
	}

	private JsonNode timeline(String key) throws Exception {
		NodeHttp.Answer timeline = http.get("admin", "/api/incidents/" + encode(key) + "/timeline");
		if (timeline.status() != 200) {
			throw new AssertionError("timeline of " + key + ": " + timeline.status() + " " + timeline.body());
		}
		return timeline.json();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
