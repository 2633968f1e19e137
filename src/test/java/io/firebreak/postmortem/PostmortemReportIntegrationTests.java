package io.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentKey;
import io.firebreak.postmortem.ActionItem.Status;
import io.firebreak.system.HttpClient;
import io.firebreak.system.InvalidInput;

/**
 * A postmortem opened and published through {@link Postmortems}, as the plan's delegates will,
 * then read over HTTP as a signed-in person: the list with its filters, the page, Markdown, PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class PostmortemReportIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate rest;
	@Autowired
	Postmortems postmortems;
	@Autowired
	ActionItems actionItems;
	@Autowired
	TransactionTemplate transaction;

	HttpClient http;

	@BeforeEach
	void setUp() {
		http = new HttpClient(rest);
	}

	@Test
	void aPublishedPostmortemReadsAsPageMarkdownAndPdfAndIsOnTheIncidentsTimeline() throws Exception {
		String key = declare("<script>alert('t')</script> Checkout errors", "checkout", "extensive", "critical");
		IncidentKey incident = new IncidentKey(key);
		Postmortem opened = inTransaction(() -> postmortems.open(incident, "ic"));
		assertThat(inTransaction(() -> postmortems.open(incident, "oncall")).owner()).isEqualTo("ic");
		assertThat(opened.status()).isEqualTo(Postmortem.Status.DRAFT);

		Postmortem assembled = inTransaction(() -> postmortems.assembleTimeline(incident));
		assertThat(assembled.timeline()).anySatisfy(entry -> {
			assertThat(entry.source()).isEqualTo(TimelineEntry.RECORD);
			assertThat(entry.text()).startsWith("Declared:");
		});
		assertThat(assembled.timeline()).anySatisfy(entry -> {
			assertThat(entry.source()).isEqualTo(TimelineEntry.TASK);
			assertThat(entry.text()).startsWith("Task ").contains(" created");
		});
		inTransaction(() -> {
			postmortems.scheduleReview(incident, Instant.parse("2030-01-02T15:00:00Z"));
			return null;
		});

		// refused before anything is written
		PostmortemSections noRootCauses = PostmortemTests.with(sections(), "rootCauses", null);
		assertThatThrownBy(() -> inTransaction(() -> postmortems.publish(incident, noRootCauses, items(key), "admin")))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("root causes");
		assertThat(actionItems.ofIncident(incident)).isEmpty();
		assertThat(postmortems.report(incident).orElseThrow().postmortem().published()).isFalse();

		Postmortem published = inTransaction(() -> postmortems.publish(incident, sections(), items(key), "admin"));
		assertThat(published.published()).isTrue();
		PostmortemReport report = postmortems.report(incident).orElseThrow();
		assertThat(report.actionItems()).extracting(ActionItem::title)
			.containsExactly("Monitor certificate *expiry*", "Write the renewal runbook");
		assertThat(report.postmortem().reviewMeetingAt()).isEqualTo(Instant.parse("2030-01-02T15:00:00Z"));
		assertThat(http.get("ic", "/api/incidents/" + key + "/timeline").getBody())
			.contains("Postmortem published, approved by admin, with 2 action items");

		ResponseEntity<String> page = http.get("oncall", "/postmortems/" + key);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(page.getBody()).contains("&lt;script&gt;alert(", "An expired certificate", "Where we got lucky",
				"Monitor certificate *expiry*", "href=\"/postmortems\"", "href=\"/postmortems/" + key + ".pdf\"")
			.doesNotContain("<script", "<em>");

		ResponseEntity<byte[]> markdown = download("comms", "/postmortems/" + key + ".md");
		assertThat(markdown.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(markdown.getHeaders().getContentType().toString()).isEqualTo("text/markdown;charset=UTF-8");
		assertThat(new String(markdown.getBody(), StandardCharsets.UTF_8))
			.startsWith("# Postmortem " + key + ": \\<script\\>alert('t')\\</script\\> Checkout errors")
			.contains("## Root causes", "Monitor certificate \\*expiry\\*");

		ResponseEntity<byte[]> pdf = download("auditor", "/postmortems/" + key + ".pdf");
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
	}

	@Test
	void actionItemsCloseOnceAndWontDoNeedsAReason() throws Exception {
		String key = declare("Payments slow", "payments", "minor", "low");
		IncidentKey incident = new IncidentKey(key);
		inTransaction(() -> postmortems.open(incident, "ic"));
		inTransaction(() -> postmortems.publish(incident, sections(), items(key), "admin"));
		List<ActionItem> items = actionItems.ofIncident(incident);
		long first = items.get(0).id();
		long second = items.get(1).id();

		assertThat(actionItems.open()).extracting(ActionItem::id).contains(first, second);
		assertThat(actionItems.overdue(LocalDate.of(2100, 1, 1))).extracting(ActionItem::id).contains(first, second);
		assertThat(actionItems.overdue(LocalDate.of(2000, 1, 1))).isEmpty();
		assertThatThrownBy(() -> actionItems.close(second, Status.WONT_DO, " ", "ic", Instant.now()))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("will not be done");
		ActionItem done = actionItems.close(first, Status.DONE, null, "oncall", Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(done.status()).isEqualTo(Status.DONE);
		assertThat(done.closedBy()).isEqualTo("oncall");
		assertThatThrownBy(() -> actionItems.close(first, Status.WONT_DO, "late", "ic", Instant.now()))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("closed already");
		assertThat(actionItems.open()).extracting(ActionItem::id).doesNotContain(first).contains(second);
		assertThat(actionItems.find(first).orElseThrow().closedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
	}

	@Test
	void theListFiltersByServiceSeverityDatesAndWords() throws Exception {
		String checkout = declare("Checkout errors", "checkout", "extensive", "critical");
		String payments = declare("Payments 100_percent slow", "payments", "minor", "low");
		inTransaction(() -> postmortems.open(new IncidentKey(checkout), "ic"));
		inTransaction(() -> postmortems.publish(new IncidentKey(checkout), sections(), items(checkout), "admin"));
		inTransaction(() -> postmortems.open(new IncidentKey(payments), "oncall"));
		LocalDate declared = LocalDate.ofInstant(Instant.parse(JSON
			.readTree(http.get("ic", "/api/incidents/" + checkout).getBody()).path("declaredAt").asText()), ZoneOffset.UTC);

		assertThat(list("")).contains(checkout, payments, "Draft", "Published");
		assertThat(list("?service=payments")).contains(payments).doesNotContain(checkout);
		assertThat(list("?severity=SEV1")).contains(checkout).doesNotContain(payments);
		assertThat(list("?q=EXPIRED+Certificate")).contains(checkout).doesNotContain(payments);
		assertThat(list("?q=renewal+runbook")).contains(checkout).doesNotContain(payments);
		assertThat(list("?q=100_percent")).contains(payments).doesNotContain(checkout);
		assertThat(list("?q=100%25")).doesNotContain(payments, checkout);
		assertThat(list("?from=" + declared + "&to=" + declared)).contains(checkout, payments);
		assertThat(list("?from=" + declared.plusDays(1))).doesNotContain(checkout, payments);
		assertThat(list("?to=" + declared.minusDays(1))).doesNotContain(checkout, payments);

		assertBadFilter("?severity=SEV9", "invalid severity", "SEV1, SEV2, SEV3, SEV4");
		assertBadFilter("?from=yesterday", "invalid from", "a date like");
		assertBadFilter("?from=2026-02-01&to=2026-01-01", "invalid to", "before from");
	}

	@Test
	void unknownReportsAreNotFoundAndNothingIsOpenWithoutSigningIn() throws Exception {
		String key = declare("Checkout latency", "checkout", "moderate", "medium");
		inTransaction(() -> postmortems.open(new IncidentKey(key), "ic"));

		for (String path : List.of("/postmortems/INC-2020-9999", "/postmortems/INC-2020-9999.md",
				"/postmortems/INC-2020-9999.pdf", "/postmortems/nonsense", "/postmortems/nonsense.md")) {
			ResponseEntity<String> missing = http.get("oncall", path);
			assertThat(missing.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(JSON.readTree(missing.getBody()).path("error").asText()).as(path).isEqualTo("not found");
		}
		assertThat(http.get("oncall", "/postmortems/" + key).getBody()).contains("Draft");

		for (String path : List.of("/postmortems", "/postmortems/" + key, "/postmortems/" + key + ".md",
				"/postmortems/" + key + ".pdf")) {
			ResponseEntity<String> anonymous = rest.getForEntity(path, String.class);
			// the test client follows the redirect to the sign-in form
			assertThat(anonymous.getBody()).as(path).contains("name=\"password\"").doesNotContain(key);
			// a user no other test signs in as: Camunda locks a user out for a while after a wrong password
			assertThat(rest.withBasicAuth("author", "wrong").getForEntity(path, String.class).getStatusCode())
				.as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	String declare(String title, String service, String impact, String urgency) throws Exception {
		Map<String, Object> declaration = new HashMap<>(
				Map.of("title", title, "service", service, "impact", impact, "urgency", urgency));
		ResponseEntity<String> declared = http.post("ic", "/api/incidents", declaration);
		assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.CREATED);
		return JSON.readTree(declared.getBody()).path("key").asText();
	}

	<T> T inTransaction(Supplier<T> work) {
		return transaction.execute(status -> work.get());
	}

	static PostmortemSections sections() {
		return PostmortemFixtures.sections();
	}

	static List<ActionItem> items(String key) {
		return ActionItem.fromJson(key, """
				[{"title": "Monitor certificate *expiry*", "type": "prevent", "owner": "oncall",
				  "dueDate": "2030-12-15", "priority": "high"},
				 {"title": "Write the renewal runbook", "type": "process", "owner": "ic",
				  "dueDate": "2030-12-31", "priority": "medium"}]""");
	}

	String list(String query) {
		ResponseEntity<String> page = http.get("auditor", "/postmortems" + query);
		assertThat(page.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
		return page.getBody();
	}

	void assertBadFilter(String query, String error, String detail) throws Exception {
		ResponseEntity<String> refused = http.get("auditor", "/postmortems" + query);
		assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
		JsonNode body = JSON.readTree(refused.getBody());
		assertThat(body.path("error").asText()).isEqualTo(error);
		assertThat(body.path("detail").asText()).contains(detail);
	}

	ResponseEntity<byte[]> download(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		headers.setAccept(List.of(MediaType.ALL));
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
	}
}
