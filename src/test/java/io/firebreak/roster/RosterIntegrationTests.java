package io.firebreak.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.firebreak.system.HttpClient;
import io.firebreak.system.LinkSigner;

/**
 * The demo roster through its doors: the on-call API, the roster page and the calendar feeds.
 * Christmas 2026 is when the demo roster's override puts admin on the security team's primary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class RosterIntegrationTests {

	static final Instant CHRISTMAS = Instant.parse("2026-12-25T12:00:00Z");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	LinkSigner signer;

	final ObjectMapper json = new ObjectMapper();

	HttpClient http;

	@BeforeEach
	void client() {
		http = new HttpClient(rest);
	}

	@AfterEach
	void realTime() {
		ClockUtil.reset();
	}

	JsonNode onCall(String query) throws Exception {
		ResponseEntity<String> answer = http.get("oncall", "/api/oncall?" + query);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		return json.readTree(answer.getBody());
	}

	@Test
	void platformHasOncallFirstThenOncall2ThenItsManagerAndTheCommanders() throws Exception {
		JsonNode platform = onCall("team=platform&at=2026-06-10T12:00:00Z");

		assertThat(platform.at("/team").asText()).isEqualTo("platform");
		assertThat(platform.at("/at").asText()).isEqualTo("2026-06-10T12:00:00Z");
		assertThat(platform.at("/primary/id").asText()).isEqualTo("oncall");
		assertThat(platform.at("/primary/email").asText()).isEqualTo("oncall@firebreak.example");
		assertThat(platform.at("/escalationChain").findValuesAsText("id")).containsExactly("oncall", "oncall2", "ic", "admin");
		assertThat(platform.at("/onCall").findValuesAsText("id")).containsExactly("primary", "oncall", "secondary", "oncall2");
		assertThat(platform.at("/onCall/1/person/chat").asText()).isEqualTo("@olivia");
		assertThat(platform.at("/onCall/1/person/timeZone").asText()).isEqualTo("America/New_York");
		// weekly from Monday 2026-01-05 09:00 Berlin: the turn of the week of 2026-06-08 (CEST, so 07:00 UTC)
		assertThat(platform.at("/onCall/0/from").asText()).isEqualTo("2026-06-08T07:00:00Z");
		assertThat(platform.at("/onCall/0/until").asText()).isEqualTo("2026-06-15T07:00:00Z");
		assertThat(platform.at("/onCall/0/override").isNull()).isTrue();
		assertThat(platform.at("/nextHandOff").asText()).isEqualTo("2026-06-15T07:00:00Z");
		JsonNode steps = platform.at("/escalation");
		assertThat(steps).hasSize(7);
		assertThat(steps.get(2).at("/target").asText()).isEqualTo("manager");
		assertThat(steps.get(2).at("/ackTimeout").asText()).isEqualTo("PT15M");
		assertThat(steps.get(0).at("/ackTimeout").isNull()).as("the severity's timeout").isTrue();
		assertThat(steps.get(6).at("/last").asBoolean()).isTrue();
		assertThat(steps.get(6).at("/people").findValuesAsText("id")).containsExactly("ic", "admin");
	}

	@Test
	void atAnOverrideTheStandInIsOnCallWithTheReason() throws Exception {
		JsonNode security = onCall("team=security&at=2026-12-25T07:00:00-05:00");

		assertThat(security.at("/at").asText()).isEqualTo("2026-12-25T12:00:00Z");
		assertThat(security.at("/primary/id").asText()).isEqualTo("admin");
		assertThat(security.at("/onCall/0/person/id").asText()).isEqualTo("admin");
		assertThat(security.at("/onCall/0/override").asText()).isEqualTo("Sam's Christmas leave");
		assertThat(security.at("/onCall/0/until").asText()).isEqualTo("2026-12-28T10:00:00Z");
		assertThat(onCall("team=security&at=2026-12-28T10:00:00Z").at("/primary/id").asText()).isEqualTo("security");
	}

	@Test
	void nowIsTheEngineClock() throws Exception {
		ClockUtil.setCurrentTime(Date.from(CHRISTMAS));

		assertThat(onCall("team=security").at("/at").asText()).isEqualTo("2026-12-25T12:00:00Z");
		assertThat(onCall("team=security").at("/primary/id").asText()).isEqualTo("admin");
	}

	@Test
	void aBadMomentOrAnUnknownTeamIsRefusedSayingWhatToSend() throws Exception {
		ResponseEntity<String> badAt = http.get("oncall", "/api/oncall?team=platform&at=next tuesday");
		ResponseEntity<String> noOffset = http.get("oncall", "/api/oncall?team=platform&at=2026-12-25T12:00");
		ResponseEntity<String> unknown = http.get("oncall", "/api/oncall?team=ghosts");

		assertThat(badAt.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(json.readTree(badAt.getBody()).at("/detail").asText())
			.contains("ISO-8601 date-time with an offset, such as 2026-12-24T10:00:00Z").contains("next tuesday");
		assertThat(noOffset.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody()).contains("platform").contains("security");
	}

	@Test
	void theRosterPageShowsWhoIsOnCallHowToReachThemAndMyOwnCalendarLink() {
		ClockUtil.setCurrentTime(Date.from(CHRISTMAS));

		ResponseEntity<String> page = http.get("oncall", "/roster");

		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("Omar Oncall", "Olivia Secondary", "Ada Admin", "Sam&#39;s Christmas leave",
				"mailto:oncall2@firebreak.example", "@olivia", "America/New_York", "Fri 07:00",
				"Mon 2026-12-28 10:00 GMT", "15 min to acknowledge", "Communications lead", "Cora Comms",
				"href=\"/roster/oncall2.ics\"", "href=\"/roster\"");
		String key = signer.sign("calendar:oncall");
		assertThat(page.getBody()).contains("webcal://localhost:8080/roster/oncall.ics?key=" + key);
		assertThat(page.getBody()).doesNotContain(signer.sign("calendar:oncall2"));
	}

	@Test
	void theRosterPageIsForSignedInPeopleOnly() {
		ResponseEntity<String> stranger = rest.exchange("/roster", HttpMethod.GET, html(null), String.class);

		// the test client follows the redirect to the sign-in form
		assertThat(stranger.getBody()).contains("Sign in to Firebreak").doesNotContain("Omar Oncall");
	}

	@Test
	void aCalendarFeedWithItsKeyHasOneEventPerShiftAndTheOverrideWithItsReason() {
		ClockUtil.setCurrentTime(Date.from(CHRISTMAS));

		ResponseEntity<String> sam = feed("/roster/security.ics?key=" + signer.sign("calendar:security"), null);
		ResponseEntity<String> ada = feed("/roster/admin.ics?key=" + signer.sign("calendar:admin"), null);

		assertThat(sam.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(sam.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/calendar"))).isTrue();
		List<VEvent> samShifts = events(sam.getBody());
		// weekly turns from the one running 14 days back to the one starting within 90 days ahead
		assertThat(samShifts).hasSize(16).extracting(e -> e.getSummary().getValue())
			.containsOnly("On call: Security primary");
		assertThat(samShifts.get(0).getDateStart().getValue().toInstant()).isEqualTo("2026-12-07T10:00:00Z");
		assertThat(samShifts.get(0).getDateEnd().getValue().toInstant()).isEqualTo("2026-12-14T10:00:00Z");
		assertThat(samShifts.get(2).getDateEnd().getValue().toInstant()).as("cut short by the override")
			.isEqualTo("2026-12-24T10:00:00Z");
		assertThat(samShifts.get(3).getDateStart().getValue().toInstant()).isEqualTo("2026-12-28T10:00:00Z");
		assertThat(samShifts.get(15).getDateEnd().getValue().toInstant()).as("10:00 London in summer time")
			.isEqualTo("2027-03-29T09:00:00Z");
		assertThat(samShifts.get(0).getDescription().getValue()).contains("Primary on-call of Security: Sam Security")
			.contains("the incident commanders: Ingrid Commander, Ada Admin");
		ClockUtil.setCurrentTime(Date.from(CHRISTMAS.plus(java.time.Duration.ofDays(3))));
		List<String> threeDaysLater = events(feed("/roster/security.ics?key=" + signer.sign("calendar:security"), null)
			.getBody()).stream().map(e -> e.getUid().getValue()).toList();
		assertThat(threeDaysLater).as("the same shift keeps its id as the window moves on")
			.containsAll(samShifts.subList(1, 16).stream().map(e -> e.getUid().getValue()).toList());
		List<VEvent> adaShifts = events(ada.getBody());
		assertThat(adaShifts).hasSize(1);
		assertThat(adaShifts.get(0).getSummary().getValue()).isEqualTo("On call: Security primary (override)");
		assertThat(adaShifts.get(0).getDescription().getValue()).startsWith("Override: Sam's Christmas leave");
		assertThat(adaShifts.get(0).getUid().getValue()).isEqualTo("security/primary/admin/2026-12-24T10:00:00Z@firebreak");
	}

	@Test
	void aCalendarFeedOpensToSignedInPeopleButNotToAForgedKeyOrAStranger() {
		String samsKey = signer.sign("calendar:security");

		assertThat(feed("/roster/security.ics", "oncall").getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> forged = feed("/roster/security.ics?key=" + samsKey.substring(0, samsKey.length() - 2) + "xx",
				null);
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forged.getBody()).contains("copy the subscribe link again").doesNotContain("BEGIN:VCALENDAR");
		assertThat(feed("/roster/admin.ics?key=" + samsKey, null).getStatusCode()).as("someone else's key")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(feed("/roster/admin.ics?key=" + samsKey, "oncall").getStatusCode()).as("a wrong key, signed in")
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> stranger = feed("/roster/security.ics", null);
		assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(stranger.getBody()).doesNotContain("BEGIN:VCALENDAR");
		assertThat(feed("/roster/casper.ics", "oncall").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(feed("/roster/casper.ics", null).getStatusCode()).as("a stranger learns nothing of who is on the roster")
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private ResponseEntity<String> feed(String path, String user) {
		HttpHeaders headers = new HttpHeaders();
		if (user != null) {
			headers.setBasicAuth(user, user);
		}
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private static HttpEntity<Void> html(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.TEXT_HTML));
		if (user != null) {
			headers.setBasicAuth(user, user);
		}
		return new HttpEntity<>(headers);
	}

	private static List<VEvent> events(String ics) {
		ICalendar calendar = Biweekly.parse(ics).first();
		assertThat(calendar).as(ics).isNotNull();
		return calendar.getEvents();
	}
}
