package io.firebreak.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentKey;
import io.firebreak.postmortem.ActionItem;
import io.firebreak.postmortem.PostmortemSections;
import io.firebreak.postmortem.Postmortems;
import io.firebreak.system.HttpClient;

/**
 * Need-to-know over every Firebreak page and API that shows an incident or what derives from it: a
 * security incident on identity, with a published postmortem and an overdue action item, and a
 * security drill. Those who may see them find them everywhere; anyone else gets, for a page about
 * one of them, exactly the answer for an unknown key, and finds them in no list, export or report.
 * Adding an interface is adding a row to {@link #ROWS}.
 * <p>
 * Works on the record over HTTP only and completes no plan task, so it holds whichever plan a
 * security incident runs. The postmortem is opened and published through {@link Postmortems}, as
 * the postmortem plan's steps do, since no HTTP endpoint makes one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** May see every security incident: security team, auditors, admins. */
	static final List<String> CLEARED = List.of("security", "auditor", "admin");

	/** Hold no role on the incidents here (ic commands others, comms speaks for others). */
	static final List<String> UNCLEARED = List.of("oncall", "comms", "ic", "author");

	static final String UNKNOWN = "INC-1999-0001";

	enum Subject {
		/** The security incident. */
		INCIDENT,
		/** Its postmortem and the postmortem's overdue action item. */
		POSTMORTEM,
		/** The security drill, its scribe oncall2. */
		DRILL
	}

	/**
	 * One interface: {@code single} answers about one incident (hidden: as for an unknown key), else
	 * it lists (hidden: left out). {@code shows}: a reader who may see it finds the key or title in
	 * the answer (false where the answer names no incident even then, or is binary). {@code body}:
	 * a write, tried only by those who may not see the incident.
	 */
	record Row(HttpMethod method, String path, Map<String, Object> body, Subject subject, boolean single,
			boolean shows) {

		static Row one(String path) {
			return new Row(HttpMethod.GET, path, null, Subject.INCIDENT, true, true);
		}

		static Row list(String path) {
			return new Row(HttpMethod.GET, path, null, Subject.INCIDENT, false, true);
		}

		static Row write(String path, Map<String, Object> body) {
			return new Row(HttpMethod.POST, path, body, Subject.INCIDENT, true, false);
		}

		Row of(Subject about) {
			return new Row(method, path, body, about, single, shows);
		}

		Row naming(boolean shows) {
			return new Row(method, path, body, subject, single, shows);
		}

		boolean writes() {
			return body != null;
		}

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	static final List<Row> ROWS = List.of(
			Row.list("/"),
			Row.one("/incidents/{key}"),
			Row.one("/incidents/{key}/task").naming(false),
			Row.list("/api/incidents"),
			Row.list("/api/incidents?open=true"),
			Row.one("/api/incidents/{key}"),
			Row.one("/api/incidents/{key}/timeline"),
			Row.write("/api/incidents/{key}/roles", Map.of("role", "scribe", "person", "comms")),
			Row.write("/api/incidents/{key}/customer-updates", Map.of("status", "investigating", "message", "Looking")),
			Row.list("/postmortems").of(Subject.POSTMORTEM),
			// searches the postmortem's own words: the page shows what was searched for
			Row.list("/postmortems?q=stuffed+credentials").of(Subject.POSTMORTEM),
			Row.one("/postmortems/{key}").of(Subject.POSTMORTEM),
			Row.one("/postmortems/{key}.md").of(Subject.POSTMORTEM),
			Row.one("/postmortems/{key}.pdf").of(Subject.POSTMORTEM).naming(false),
			Row.list("/reports").of(Subject.POSTMORTEM),
			Row.list("/reports.json").of(Subject.POSTMORTEM),
			Row.list("/reports.csv").of(Subject.POSTMORTEM).naming(false),
			Row.list("/audit?service=identity"),
			Row.list("/audit/events.json?service=identity"),
			Row.list("/audit/events.csv?service=identity"),
			Row.one("/audit/incidents/{key}"),
			Row.one("/audit/incidents/{key}.json"),
			Row.one("/audit/incidents/{key}.csv"),
			Row.list("/audit/verify").naming(false),
			Row.list("/audit/verify.json"),
			Row.list("/outbox").naming(false),
			Row.list("/reports/drills").of(Subject.DRILL),
			Row.list("/reports/drills.json").of(Subject.DRILL),
			Row.one("/reports/drills/{key}").of(Subject.DRILL),
			Row.one("/reports/drills/{key}.json").of(Subject.DRILL),
			Row.list("/roster/oncall2/training").of(Subject.DRILL),
			Row.list("/roster/oncall2/training.json").of(Subject.DRILL));

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MockMvc mvc;

	@Autowired
	Postmortems postmortems;

	HttpClient http;
	String marker;
	String incident;
	String drill;
	String preparednessBefore;

	@BeforeAll
	void aSecurityIncidentWithAPostmortemAndASecurityDrill() throws Exception {
		http = new HttpClient(rest);
		marker = marker();
		incident = declare("Credential stuffing on identity " + marker);
		IncidentKey key = new IncidentKey(incident);
		postmortems.open(key, "security");
		postmortems.publish(key, new PostmortemSections("Stuffed credentials " + marker, "2 hours", "Some users",
				"Reused passwords", "A leaked list", "Login failure alert", "Blocked the addresses", null, null, null,
				null, null, null), ActionItem.fromJson(incident, """
						[{"title": "Rotate the exposed keys %s", "type": "prevent", "owner": "security",
						  "dueDate": "2020-01-02", "priority": "high"}]""".formatted(marker)), "security");

		preparednessBefore = lastDrillOf("oncall", "Olivia Secondary");
		ResponseEntity<String> started = http.post("admin", "/api/drills", Map.of("scenario", "identity-login-failures"));
		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
		drill = JSON.readTree(started.getBody()).path("incidentKey").asText();
		handOver("admin", drill, "scribe", "oncall2");
	}

	Stream<Arguments> everyInterfaceForEveryone() {
		List<Arguments> cases = new ArrayList<>();
		for (Row row : ROWS) {
			CLEARED.stream().filter(user -> !row.writes()).forEach(user -> cases.add(Arguments.of(row, user)));
			UNCLEARED.forEach(user -> cases.add(Arguments.of(row, user)));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("everyInterfaceForEveryone")
	void aSecurityIncidentShowsOnlyToWhoMaySeeIt(Row row, String user) throws Exception {
		boolean drilled = row.subject() == Subject.DRILL;
		// the drill's title is its scenario's, which other drills share: its key alone names it
		String key = drilled ? drill : incident;
		String title = drilled ? key : marker;
		if (CLEARED.contains(user)) {
			sees(row, user, key, title);
		}
		else {
			doesNotSee(row, user, key, title);
		}
	}

	@Test
	void aRoleHolderOutsideTheSecurityTeamSeesItAndNobodyElseDoes() throws Exception {
		String title = marker();
		String key = declare("Session tokens leaked " + title);
		doesNotSee(Row.one("/api/incidents/{key}"), "ic", key, title);

		handOver("admin", key, "commander", "ic");

		for (Row row : ROWS) {
			if (row.subject() == Subject.INCIDENT && !row.writes()) {
				sees(row, "ic", key, title);
				doesNotSee(row, "oncall", key, title);
			}
		}
		assertThat(page("oncall2", "/roster/oncall2/training")).as("oncall2 is the drill's scribe").contains(drill);
	}

	@Test
	void thePageFormsRefuseAHiddenIncidentAsAnUnknownOne() throws Exception {
		for (String user : UNCLEARED) {
			for (String key : List.of(incident, UNKNOWN)) {
				int status = mvc.perform(post("/incidents/" + key + "/roles").with(httpBasic(user, user)).with(csrf())
					.param("role", "commander").param("person", user)).andReturn().getResponse().getStatus();
				assertThat(status).as("%s takes command of %s", user, key).isEqualTo(404);
			}
		}
	}

	@Test
	void thePreparednessTableCountsOnlyDrillsTheReaderMaySee() throws Exception {
		Instant declared = Instant.parse(JSON.readTree(http.get("admin", "/api/incidents/" + drill).getBody())
			.path("declaredAt").asText());
		String drilled = DateTimeFormatter.ISO_LOCAL_DATE.format(declared.atOffset(ZoneOffset.UTC));
		for (String user : CLEARED) {
			assertThat(lastDrillOf(user, "Olivia Secondary")).as(user).isEqualTo(drilled);
		}
		assertThat(lastDrillOf("oncall2", "Olivia Secondary")).as("her own drill").isEqualTo(drilled);
		for (String user : UNCLEARED) {
			assertThat(lastDrillOf(user, "Olivia Secondary")).as(user).isEqualTo(preparednessBefore);
		}
	}

	@Test
	void theStatusPageShowsASecurityIncidentOnlyAsWhatWasPublishedForIt() throws Exception {
		String title = marker();
		String key = declare("Token signing key exposed " + title);
		for (String path : List.of("/status", "/status.json", "/status/feed")) {
			assertThat(http.get(null, path).getBody()).as(path).doesNotContain(key, title);
		}

		ResponseEntity<String> published = http.post("admin", "/api/incidents/" + key + "/customer-updates",
				Map.of("status", "identified", "message", "Some customers must sign in again."));
		assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(HttpStatus.CREATED);

		for (String path : List.of("/status", "/status.json", "/status/feed")) {
			assertThat(http.get(null, path).getBody()).as(path)
				.contains(key, "Some customers must sign in again.")
				.doesNotContain(title, "Token signing key exposed", "attacker");
		}
	}

	/** Someone who may see it gets the answer about it; a door closed to their role stays closed (403). */
	private void sees(Row row, String user, String key, String title) throws Exception {
		ResponseEntity<String> answer = call(row, user, key);
		String what = "%s as %s".formatted(row, user);
		if (answer.getStatusCode() == HttpStatus.FORBIDDEN && !user.equals("admin")) {
			return;
		}
		assertThat(answer.getStatusCode().is2xxSuccessful()).as(what + ": " + answer.getBody()).isTrue();
		if (row.shows()) {
			assertThat(answer.getBody()).as(what).containsAnyOf(key, title);
		}
	}

	/** Someone who may not see it learns nothing of it: as for an unknown incident, or left out. */
	private void doesNotSee(Row row, String user, String key, String title) throws Exception {
		ResponseEntity<String> answer = call(row, user, key);
		String what = "%s as %s".formatted(row, user);
		if (row.single()) {
			ResponseEntity<String> unknown = call(row, user, UNKNOWN);
			assertThat(answer.getStatusCode()).as(what).isEqualTo(unknown.getStatusCode());
			assertThat(answer.getStatusCode().value()).as(what).isIn(403, 404);
			assertThat(normalised(answer.getBody(), key)).as(what).isEqualTo(normalised(unknown.getBody(), UNKNOWN));
			assertThat(answer.getBody()).as(what).doesNotContain(title);
			return;
		}
		if (answer.getStatusCode() != HttpStatus.FORBIDDEN) {
			assertThat(answer.getStatusCode().is2xxSuccessful()).as(what + ": " + answer.getBody()).isTrue();
		}
		assertThat(answer.getBody()).as(what).doesNotContain(key, title);
	}

	private ResponseEntity<String> call(Row row, String user, String key) {
		return http.exchange(user, row.method(), row.path().replace("{key}", key),
				row.body());
	}

	/** The answer about {@code key} with what differs from one request to the next taken out: the key, time, CSRF token. */
	private static String normalised(String body, String key) {
		return body == null ? ""
				: body.replace(key, "{key}")
					.replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?", "{at}")
					.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
	}

	private String declare(String title) throws Exception {
		ResponseEntity<String> declared = http.post("security", "/api/incidents", Map.of("title", title, "summary",
				"attacker ips 203.0.113.77", "service", "identity", "impact", "significant", "urgency", "high", "type",
				"security"));
		assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.CREATED);
		JsonNode body = JSON.readTree(declared.getBody());
		assertThat(body.path("type").asText()).isEqualTo("security");
		return body.path("key").asText();
	}

	private void handOver(String user, String key, String role, String person) {
		ResponseEntity<String> handed = http.post(user, "/api/incidents/" + key + "/roles",
				Map.of("role", role, "person", person));
		assertThat(handed.getStatusCode()).as(handed.getBody()).isEqualTo(HttpStatus.OK);
	}

	private String page(String user, String path) {
		ResponseEntity<String> page = http.get(user, path);
		assertThat(page.getStatusCode()).as("%s as %s", path, user).isEqualTo(HttpStatus.OK);
		return page.getBody();
	}

	/** The roster page's Preparedness cell of {@code name}, as {@code user} sees it. */
	private String lastDrillOf(String user, String name) {
		Matcher row = Pattern.compile("<td>" + Pattern.quote(name) + "</td>\\s*<td>([^<]*)</td>")
			.matcher(page(user, "/roster"));
		assertThat(row.find()).as("%s's preparedness row as %s", name, user).isTrue();
		return row.group(1);
	}

	/** Words found only in one incident's title, to look for it by. */
	private static String marker() {
		return "NTK" + UUID.randomUUID().toString().substring(0, 8);
	}
}
