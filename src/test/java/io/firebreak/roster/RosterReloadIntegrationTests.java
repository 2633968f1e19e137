package io.firebreak.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.system.HttpClient;

/**
 * POST /api/roster/reload on a copy of the demo roster that each test edits: people added and
 * removed (a removed person keeps their Camunda user but loses Firebreak's groups), a broken file
 * refused with its path while the roster in force keeps answering, and admins only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class RosterReloadIntegrationTests {

	static final Path COPY = copyOfTheDemoRoster();

	static Path copyOfTheDemoRoster() {
		try {
			return Files.createTempDirectory("firebreak-roster").resolve("roster.yaml");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void rosterFile(DynamicPropertyRegistry properties) throws IOException {
		Files.copy(Paths.get("config/roster.yaml"), COPY, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		properties.add("firebreak.roster.location", () -> "file:" + COPY);
	}

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Autowired
	Roster roster;

	final ObjectMapper json = new ObjectMapper();

	HttpClient http;

	String demo;

	@BeforeEach
	void theDemoRosterAgain() throws IOException {
		http = new HttpClient(rest);
		demo = Files.readString(Paths.get("config/roster.yaml"));
		Files.writeString(COPY, demo);
	}

	@Test
	void aReloadAddsAndRemovesPeopleKeepingTheRemovedUsersHistory() throws Exception {
		String withNewbieWithoutAuthor = demo.replace("""
				  - id: author
				    name: Arthur Author
				    email: author@firebreak.example
				    timeZone: Europe/Berlin
				    groups: [plan-authors]
				""", """
				  - id: newbie
				    name: Nina Newbie
				    email: newbie@firebreak.example
				    timeZone: Europe/Lisbon
				    groups: [responders]
				""").replace("members: [oncall2]", "members: [oncall2, newbie]");
		assertThat(withNewbieWithoutAuthor).contains("newbie").doesNotContain("author@");
		Files.writeString(COPY, withNewbieWithoutAuthor);

		ResponseEntity<String> reloaded = http.post("admin", "/api/roster/reload", null);

		assertThat(reloaded.getStatusCode()).as(reloaded.getBody()).isEqualTo(HttpStatus.OK);
		JsonNode answer = json.readTree(reloaded.getBody());
		assertThat(answer.at("/people").asInt()).isEqualTo(8);
		assertThat(answer.at("/teams").asInt()).isEqualTo(2);
		assertThat(answer.at("/services").asInt()).isEqualTo(DemoRoster.load().services().size());
		assertThat(answer.at("/removed").toString()).isEqualTo("[\"author\"]");

		assertThat(roster.person("newbie")).isPresent();
		assertThat(roster.person("author")).isEmpty();
		assertThat(groupsOf("newbie")).containsExactly("responders");
		assertThat(identity.createUserQuery().userId("author").count()).as("the user stays").isEqualTo(1);
		assertThat(groupsOf("author")).isEmpty();
		assertThat(http.get("author", "/plans").getStatusCode()).as("no longer a plan author")
			.isEqualTo(HttpStatus.FORBIDDEN);
		// the new secondary rotation takes turns weekly: oncall2 the week of 2026-01-05, newbie the next
		ResponseEntity<String> onCall = http.get("newbie", "/api/oncall?team=platform&at=2026-01-13T12:00:00Z");
		assertThat(onCall.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(onCall.getBody()).at("/onCall/1/person/id").asText()).isEqualTo("newbie");
	}

	@Test
	void aBrokenFileIsRefusedWithItsPathAndTheRosterInForceKeepsAnswering() throws Exception {
		int before = roster.people().size();
		Files.writeString(COPY, demo.replace("members: [oncall2]", "members: []")
			.replace("timeZone: Europe/London\n    layers", "timeZone: Europe/Lundon\n    layers"));

		ResponseEntity<String> refused = http.post("admin", "/api/roster/reload", null);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		JsonNode answer = json.readTree(refused.getBody());
		assertThat(answer.at("/error").asText()).isEqualTo("roster not reloaded");
		assertThat(answer.at("/problems").toString())
			.contains(COPY + ": teams[platform].layers[secondary].members: the rotation has no members")
			.contains(COPY + ": teams[security].timeZone: 'Europe/Lundon' is not a time zone");
		assertThat(answer.at("/detail").asText()).contains("unchanged");
		assertThat(roster.people()).hasSize(before);
		ResponseEntity<String> onCall = http.get("oncall", "/api/oncall?team=platform&at=2026-06-10T12:00:00Z");
		assertThat(json.readTree(onCall.getBody()).at("/onCall/1/person/id").asText()).isEqualTo("oncall2");
	}

	@Test
	void onlyAdminsMayReload() {
		ResponseEntity<String> refused = http.post("ic", "/api/roster/reload", null);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.post(null, "/api/roster/reload", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private java.util.List<String> groupsOf(String user) {
		return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
	}
}
