package io.firebreak.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.firebreak.system.HttpClient;

/**
 * The public status page over HTTP, signed out, as customers, widgets and feed readers see it.
 * The tests share one database, so each keeps to services of its own: checkout for the outage and
 * the internal text, payments for the drill, identity for the security incident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class StatusPageIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate rest;

	HttpClient http;

	@BeforeEach
	void setUp() {
		http = new HttpClient(rest);
	}

	@Test
	void aSev1OnCheckoutTurnsCheckoutToAMajorOutage() throws Exception {
		String key = declare("security", "Checkout returns 500s", null, "checkout", null, false);

		assertThat(serviceRow(page(), "checkout")).contains("Major outage");
		assertThat(serviceRow(page(), "payments")).contains("Operational");
		JsonNode summary = summary();
		assertThat(component(summary, "checkout").path("status").asText()).isEqualTo("major_outage");
		assertThat(component(summary, "checkout").path("name").asText()).isEqualTo("Checkout");
		assertThat(summary.path("status").path("indicator").asText()).isEqualTo("critical");
		assertThat(summary.path("status").path("description").asText()).isEqualTo("Major Service Outage");
		JsonNode incident = incident(summary, key);
		assertThat(incident.path("impact").asText()).isEqualTo("critical");
		assertThat(incident.path("status").asText()).isEqualTo("investigating");
		assertThat(incident.path("name").asText()).isEqualTo("Incident on Checkout");
		assertThat(summary.path("page").path("url").asText()).endsWith("/status");
		assertThat(summary.path("scheduled_maintenances").isArray()).isTrue();
		assertThat(fieldNames(summary.path("page"))).contains("id", "name", "url", "time_zone", "updated_at");
	}

	@Test
	void internalTextNeverReachesThePageTheJsonOrTheFeedAndCustomerTextIsEscaped() throws Exception {
		String key = declare("ic", "<script>alert('title')</script> db-primary-7 failover",
				"<script>alert('summary')</script> expired cert on lb-internal-3", "checkout", null, false);
		publish("comms", key, "investigating", "<b>Checkout</b> is failing for some customers");

		String page = page();
		String summary = get("/status.json").getBody();
		String feed = get("/status/feed").getBody();
		for (String shown : List.of(page, summary, feed)) {
			assertThat(shown).doesNotContain("db-primary-7", "lb-internal-3", "alert(", "<script", "<b>");
		}
		assertThat(page).contains(key, "&lt;b&gt;Checkout&lt;/b&gt; is failing for some customers");
		assertThat(summary).contains("\\u003Cb\\u003ECheckout");
		assertThat(incident(JSON.readTree(summary), key).path("incident_updates").get(0).path("body").asText())
			.isEqualTo("<b>Checkout</b> is failing for some customers");
		SyndEntry entry = entryAbout(parseAtom(feed), "Checkout</b> is failing");
		assertThat(entry.getContents().get(0).getValue())
			.contains("&lt;b&gt;Checkout&lt;/b&gt; is failing for some customers")
			.doesNotContain("<b>");
	}

	@Test
	void aDrillNeverAppearsNorCounts() throws Exception {
		String key = declare("ic", "Payments drill", null, "payments", null, true);
		publish("comms", key, "identified", "Practice message nobody outside may read");

		assertThat(page()).doesNotContain(key, "Practice message");
		JsonNode summary = summary();
		assertThat(component(summary, "payments").path("status").asText()).isEqualTo("operational");
		assertThat(summary.toString()).doesNotContain(key, "Practice message");
		assertThat(get("/status/feed").getBody()).doesNotContain(key, "Practice message");
	}

	@Test
	void aSecurityIncidentAppearsOnlyOnceAnUpdateIsPublishedForIt() throws Exception {
		String key = declare("security", "Credential stuffing on identity", "attacker ips 203.0.113.9", "identity",
				"security", false);

		assertThat(page()).doesNotContain(key);
		assertThat(serviceRow(page(), "identity")).contains("Operational");
		assertThat(component(summary(), "identity").path("status").asText()).isEqualTo("operational");
		assertThat(summary().toString()).doesNotContain(key);

		publish("admin", key, "identified", "Some customers cannot sign in; we have found the cause.");

		assertThat(page()).contains(key, "Some customers cannot sign in").doesNotContain("203.0.113.9");
		JsonNode summary = summary();
		assertThat(component(summary, "identity").path("status").asText()).isEqualTo("major_outage");
		assertThat(incident(summary, key).path("status").asText()).isEqualTo("identified");
		assertThat(get("/status/feed").getBody()).contains("Some customers cannot sign in");
	}

	@Test
	void theFeedIsAtomWithOneEntryPerUpdateUnderIdsThatStay() throws Exception {
		String key = declare("ic", "Checkout latency", null, "checkout", null, false);
		publish("comms", key, "investigating", "Checkout is slow; we are looking into it.");
		publish("ic", key, "monitoring", "A fix is out; we are watching checkout recover.");

		ResponseEntity<String> response = get("/status/feed");
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
		SyndFeed feed = parseAtom(response.getBody());
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		SyndEntry investigating = entryAbout(feed, "Checkout is slow; we are looking into it.");
		SyndEntry monitoring = entryAbout(feed, "A fix is out; we are watching checkout recover.");
		assertThat(monitoring.getTitle()).isEqualTo("Incident on Checkout: Monitoring");
		assertThat(monitoring.getLink()).endsWith("/status#" + key);
		assertThat(feed.getEntries().indexOf(monitoring)).isLessThan(feed.getEntries().indexOf(investigating));
		assertThat(investigating.getUri()).isNotEqualTo(monitoring.getUri()).startsWith("urn:uuid:");
		assertThat(entryAbout(parseAtom(get("/status/feed").getBody()), "Checkout is slow").getUri())
			.isEqualTo(investigating.getUri());
	}

	@Test
	void theStatusPageIsOpenWithoutSigningIn() {
		for (String path : List.of("/status", "/status.json", "/status/feed")) {
			ResponseEntity<String> response = get(path);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody()).as(path).doesNotContain("name=\"password\"");
		}
		// the sign-in form is what a stranger gets anywhere else (the test client follows the redirect)
		assertThat(get("/").getBody()).contains("name=\"password\"");
		assertThat(page()).contains("href=\"/status\"").doesNotContain("href=\"/roster\"");
		assertThat(http.get("ic", "/").getBody()).contains("href=\"/status\"", "href=\"/roster\"");
		assertThat(get("/status.json").getHeaders().getContentType().toString()).startsWith("application/json");
	}

	@Test
	void onlyTheCommunicationsGroupCommandersAndAdminsPublishAndBadUpdatesAreRefused() throws Exception {
		String key = declare("ic", "Checkout slow", null, "checkout", null, false);
		String path = "/api/incidents/" + key + "/customer-updates";
		Map<String, Object> fine = Map.of("status", "investigating", "message", "We are looking into it.");

		assertThat(http.post("oncall", path, fine).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.post("auditor", path, fine).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.post(null, path, fine).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

		ResponseEntity<String> blank = http.post("comms", path, Map.of("status", "investigating", "message", "  "));
		assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(JSON.readTree(blank.getBody()).path("error").asText()).isEqualTo("invalid message");
		ResponseEntity<String> tooLong = http.post("comms", path,
				Map.of("status", "investigating", "message", "x".repeat(CustomerUpdates.MESSAGE_MAX + 1)));
		assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(JSON.readTree(tooLong.getBody()).path("detail").asText()).contains("at most 4000");
		ResponseEntity<String> badStatus = http.post("comms", path, Map.of("status", "fixed", "message", "Done"));
		assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(JSON.readTree(badStatus.getBody()).path("detail").asText())
			.contains("investigating, identified, monitoring, resolved");
		assertThat(http.post("comms", "/api/incidents/INC-2026-9999/customer-updates", fine).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(page()).doesNotContain("We are looking into it.");

		ResponseEntity<String> published = http.post("comms", path, fine);
		assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode update = JSON.readTree(published.getBody());
		assertThat(update.path("incidentKey").asText()).isEqualTo(key);
		assertThat(update.path("status").asText()).isEqualTo("investigating");
		assertThat(update.path("postedBy").asText()).isEqualTo("comms");
		assertThat(page()).contains("We are looking into it.");
	}

	String declare(String user, String title, String summary, String service, String type, boolean drill)
			throws Exception {
		Map<String, Object> declaration = new HashMap<>(Map.of("title", title, "service", service, "impact",
				"extensive", "urgency", "critical", "drill", drill));
		if (summary != null) {
			declaration.put("summary", summary);
		}
		if (type != null) {
			declaration.put("type", type);
		}
		ResponseEntity<String> declared = http.post(user, "/api/incidents", declaration);
		assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.CREATED);
		return JSON.readTree(declared.getBody()).path("key").asText();
	}

	void publish(String user, String key, String status, String message) {
		ResponseEntity<String> published = http.post(user, "/api/incidents/" + key + "/customer-updates",
				Map.of("status", status, "message", message));
		assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(HttpStatus.CREATED);
	}

	/** Signed out, as the public. */
	ResponseEntity<String> get(String path) {
		return rest.getForEntity(path, String.class);
	}

	String page() {
		ResponseEntity<String> page = get("/status");
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		return page.getBody();
	}

	JsonNode summary() throws Exception {
		return JSON.readTree(get("/status.json").getBody());
	}

	static String serviceRow(String page, String serviceId) {
		Matcher row = Pattern.compile("<tr id=\"service-" + serviceId + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
		assertThat(row.find()).as("row of %s", serviceId).isTrue();
		return row.group(1);
	}

	static JsonNode component(JsonNode summary, String id) {
		for (JsonNode component : summary.path("components")) {
			if (component.path("id").asText().equals(id)) {
				return component;
			}
		}
		throw new AssertionError("no component " + id + " in " + summary);
	}

	static JsonNode incident(JsonNode summary, String key) {
		for (JsonNode incident : summary.path("incidents")) {
			if (incident.path("id").asText().equals(key)) {
				return incident;
			}
		}
		throw new AssertionError("no incident " + key + " in " + summary);
	}

	static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	static SyndFeed parseAtom(String xml) throws Exception {
		return new SyndFeedInput().build(new StringReader(xml));
	}

	/** The entry whose content contains {@code text} as a reader shows it, markup of the message escaped. */
	static SyndEntry entryAbout(SyndFeed feed, String text) {
		String escaped = text.replace("<", "&lt;").replace(">", "&gt;");
		return feed.getEntries()
			.stream()
			.filter(entry -> entry.getContents().get(0).getValue().contains(escaped))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no entry about " + text));
	}
}
