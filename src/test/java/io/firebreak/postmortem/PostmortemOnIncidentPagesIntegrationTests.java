package io.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentKey;
import io.firebreak.system.HttpClient;

/**
 * Open action items stay visible on the dashboard, overdue ones first and marked; the incident
 * page shows its postmortem with its action items. Titles are the review's free text: escaped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class PostmortemOnIncidentPagesIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Pattern ACTION_ITEMS = Pattern.compile("Open action items \\((\\d+), (\\d+) overdue\\)");

	@Autowired
	TestRestTemplate rest;
	@Autowired
	Postmortems postmortems;
	@Autowired
	TransactionTemplate transaction;
	@Autowired
	Clock clock;

	HttpClient http;

	@BeforeEach
	void setUp() {
		http = new HttpClient(rest);
	}

	@Test
	void theDashboardListsOpenActionItemsOverdueFirstAndTheIncidentPageShowsThePostmortem() throws Exception {
		String key = declare("<script>alert(2)</script> Checkout down");
		IncidentKey incident = new IncidentKey(key);
		LocalDate today = LocalDate.now(clock);
		inTransaction(() -> postmortems.open(incident, "ic"));
		inTransaction(() -> {
			postmortems.scheduleReview(incident, Instant.parse("2030-01-02T15:00:00Z"));
			return null;
		});
		String items = JSON.writeValueAsString(List.of(
				Map.of("title", "Add runbook <b>now</b>", "type", "process", "owner", "ic", "dueDate",
						today.plusWeeks(1).toString(), "priority", "medium"),
				Map.of("title", "<script>alert(1)</script> Rotate certificates", "type", "prevent", "owner", "oncall",
						"dueDate", today.minusDays(1).toString(), "priority", "high")));
		inTransaction(() -> postmortems.publish(incident, PostmortemFixtures.sections(), ActionItem.fromJson(key, items),
				"admin"));

		String dashboard = page("/");
		assertThat(dashboard).doesNotContain("<script", "<b>now")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; Rotate certificates", "Add runbook &lt;b&gt;now&lt;/b&gt;");
		String overdue = row(dashboard, "Rotate certificates");
		assertThat(overdue).contains("class=\"error overdue\"", "href=\"/postmortems/" + key + "\"",
				"Omar Oncall (oncall)", today.minusDays(1).toString(), "<strong>overdue</strong>", "High");
		String later = row(dashboard, "Add runbook");
		assertThat(later).contains("href=\"/postmortems/" + key + "\"", "Ingrid Commander (ic)",
				today.plusWeeks(1).toString(), "Medium").doesNotContain("overdue");
		assertThat(dashboard.indexOf(overdue)).as("overdue first").isLessThan(dashboard.indexOf(later));
		Matcher count = ACTION_ITEMS.matcher(dashboard);
		assertThat(count.find()).as("the section says how many").isTrue();
		String table = dashboard.substring(dashboard.indexOf("<tbody>", dashboard.indexOf("class=\"action-items\"")),
				dashboard.indexOf("</table>", dashboard.indexOf("class=\"action-items\"")));
		assertThat(Integer.parseInt(count.group(1))).isEqualTo(table.split("<tr", -1).length - 1);
		assertThat(Integer.parseInt(count.group(2))).isPositive()
			.isEqualTo(table.split("class=\"error overdue\"", -1).length - 1);

		String incidentPage = page("/incidents/" + key);
		assertThat(incidentPage).doesNotContain("<script", "<b>now")
			.contains("<h2>Postmortem</h2>", "Published", "Ingrid Commander (ic)", "2030-01-02 15:00 UTC",
					"href=\"/postmortems/" + key + "\"", "href=\"/postmortems/" + key + ".md\"",
					"href=\"/postmortems/" + key + ".pdf\"", "&lt;script&gt;alert(1)&lt;/script&gt; Rotate",
					"<strong>open</strong><strong>, overdue</strong>", "Add runbook &lt;b&gt;now&lt;/b&gt;");
	}

	@Test
	void aDraftIsShownWithoutDownloadsAndAnIncidentWithoutPostmortemWithoutTheBox() throws Exception {
		String draft = declare("Payments slow");
		inTransaction(() -> postmortems.open(new IncidentKey(draft), "comms"));
		assertThat(page("/incidents/" + draft)).contains("<h2>Postmortem</h2>", "Draft", "Cora Comms (comms)",
				"Not scheduled yet", "href=\"/postmortems/" + draft + "\"").doesNotContain(draft + ".pdf");

		String none = declare("Identity errors");
		assertThat(page("/incidents/" + none)).doesNotContain("<h2>Postmortem</h2>", "Read the postmortem");
	}

	private String page(String path) {
		ResponseEntity<String> page = http.get("ic", path);
		assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(HttpStatus.OK);
		return page.getBody();
	}

	/** The dashboard's table row that holds {@code text}. */
	private static String row(String page, String text) {
		int at = page.indexOf(text);
		assertThat(at).as("the page shows %s", text).isGreaterThan(0);
		return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
	}

	private String declare(String title) throws Exception {
		ResponseEntity<String> declared = http.post("ic", "/api/incidents", Map.of("title", title, "service", "checkout",
				"impact", "moderate", "urgency", "medium"));
		assertThat(declared.getStatusCode()).as(declared.getBody()).isEqualTo(HttpStatus.CREATED);
		return JSON.readTree(declared.getBody()).path("key").asText();
	}

	private <T> T inTransaction(Supplier<T> work) {
		return transaction.execute(status -> work.get());
	}
}
