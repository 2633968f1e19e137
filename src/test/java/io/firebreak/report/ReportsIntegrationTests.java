package io.firebreak.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.roster.Roster;
import io.firebreak.system.HttpClient;
import io.firebreak.system.Poll;

/**
 * /reports, /reports.json and /reports.csv over incidents of March 2001 that no other test
 * touches; and the Prometheus gauge and histograms after an incident driven through the plan is
 * acknowledged. Tests may share the database: the figures are of a period of their own, the
 * metrics are compared before and after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
// Spring Boot's tests leave metrics export (and so /actuator/prometheus) off unless asked for it
@AutoConfigureObservability(tracing = false)
class ReportsIntegrationTests {

	static final String MARCH_2001 = "from=2001-03-01&to=2001-03-31";
	static final ObjectMapper JSON = new ObjectMapper();
	static final String XSS_TITLE = "</script><img src=x onerror=alert(1)> Rotate certificates";

	@Autowired
	TestRestTemplate rest;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	ProcessEngine engine;
	@Autowired
	IncidentDeclarations declarations;
	@Autowired
	IncidentRepository incidents;
	@Autowired
	Roster roster;

	HttpClient http;

	@BeforeEach
	void setUp() {
		http = new HttpClient(rest);
		BpmnAwareTests.init(engine);
		if (jdbc.sql("select count(*) from incident where incident_key like 'INC-2001-%'").query(Long.class).single() == 0) {
			insertMarch2001();
		}
	}

	/** Three incidents of March 2001, a drill, and one declared the first instant of April. */
	void insertMarch2001() {
		Instant first = Instant.parse("2001-03-05T10:00:00Z");
		Instant second = Instant.parse("2001-03-10T08:00:00Z");
		Instant third = Instant.parse("2001-03-31T23:30:00Z");
		insert("INC-2001-0001", "SEV1", false, first, 120, 600, 900, 3600);
		insert("INC-2001-0002", "SEV1", false, second, 240, 1200, 1800, 7200);
		insert("INC-2001-0003", "SEV3", false, third, 60, 300, 600, 1800);
		insert("INC-2001-0004", "SEV1", true, Instant.parse("2001-03-12T10:00:00Z"), 5, 6, 7, 8);
		insert("INC-2001-0005", "SEV2", false, Instant.parse("2001-04-01T00:00:00Z"), 1, 2, 3, 4);
		postmortem("INC-2001-0001", "PUBLISHED");
		postmortem("INC-2001-0002", "DRAFT");
		postmortem("INC-2001-0004", "PUBLISHED");
		actionItem("INC-2001-0001", XSS_TITLE);
		actionItem("INC-2001-0004", "Drill follow-up");
	}

	void insert(String key, String severity, boolean drill, Instant declared, int ack, int contain, int mitigate,
			int resolve) {
		jdbc.sql("""
				insert into incident (incident_key, title, service, incident_type, drill, impact, urgency, severity, status,
				  declared_by, declared_at, acknowledged_by, acknowledged_at, contained_at, mitigated_at, resolved_at, closed_at)
				values (?, 'Checkout errors', 'checkout', 'OPERATIONAL', ?, 'SIGNIFICANT', 'HIGH', ?, 'CLOSED', 'ic', ?, 'oncall',
				  ?, ?, ?, ?, ?)""")
			.params(key, drill, severity, at(declared, 0), at(declared, ack), at(declared, contain), at(declared, mitigate),
					at(declared, resolve), at(declared, resolve + 60))
			.update();
	}

	void postmortem(String key, String status) {
		jdbc.sql("insert into postmortem (incident_key, owner, status, opened_at) values (?, 'ic', ?, ?)")
			.params(key, status, Timestamp.from(Instant.parse("2001-04-02T10:00:00Z")))
			.update();
	}

	void actionItem(String key, String title) {
		jdbc.sql("insert into action_item (incident_key, position, title, type, owner, due_date, priority, status, created_at) "
				+ "values (?, 1, ?, 'prevent', 'oncall', ?, 'high', 'OPEN', ?)")
			.params(key, title, Date.valueOf(LocalDate.of(2001, 4, 15)), Timestamp.from(Instant.parse("2001-04-03T10:00:00Z")))
			.update();
	}

	static Timestamp at(Instant declared, int seconds) {
		return Timestamp.from(declared.plusSeconds(seconds));
	}

	@Test
	void theJsonHasTheFiguresOfThePeriodWithoutDrills() throws Exception {
		ResponseEntity<String> response = http.get("ic", "/reports.json?" + MARCH_2001);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode report = JSON.readTree(response.getBody());

		assertThat(report.path("from").asText()).isEqualTo("2001-03-01");
		assertThat(report.path("to").asText()).isEqualTo("2001-03-31");
		assertThat(report.path("percentileMethod").asText()).startsWith("nearest rank");
		JsonNode all = report.path("all");
		assertThat(all.path("incidents").asInt()).as("the drill and April's are left out").isEqualTo(3);
		// 60, 120, 240 s: rank 2 and rank 3
		assertTimes(all.path("timeToAcknowledge"), 3, 120, 240);
		assertTimes(all.path("timeToContain"), 3, 600, 1200);
		assertTimes(all.path("timeToMitigate"), 3, 900, 1800);
		assertTimes(all.path("timeToResolve"), 3, 3600, 7200);
		assertThat(all.path("postmortems").path("held").asInt()).isEqualTo(2);
		assertThat(all.path("postmortems").path("published").asInt()).isEqualTo(1);
		assertThat(all.path("postmortems").path("rate").asDouble()).isEqualTo(0.5);

		JsonNode sev1 = report.path("bySeverity").get(0);
		assertThat(sev1.path("group").asText()).isEqualTo("SEV1");
		assertThat(sev1.path("incidents").asInt()).isEqualTo(2);
		assertTimes(sev1.path("timeToAcknowledge"), 2, 120, 240);
		assertTimes(sev1.path("timeToResolve"), 2, 3600, 7200);
		JsonNode sev3 = report.path("bySeverity").get(2);
		assertThat(sev3.path("group").asText()).isEqualTo("SEV3");
		assertTimes(sev3.path("timeToAcknowledge"), 1, 60, 60);
		assertThat(report.path("byService")).hasSize(1);
		assertThat(report.path("byService").get(0).path("group").asText()).isEqualTo("checkout");
		assertThat(report.path("byMonth")).hasSize(1);
		assertThat(report.path("byMonth").get(0).path("incidents").asInt()).isEqualTo(3);

		List<String> overdue = new ArrayList<>();
		report.path("overdueActionItems").forEach(item -> overdue.add(item.path("incident").asText()));
		assertThat(overdue).as("overdue now, the drill's left out").contains("INC-2001-0001")
			.doesNotContain("INC-2001-0004");

		JsonNode sev1Only = JSON.readTree(http.get("auditor", "/reports.json?" + MARCH_2001 + "&service=checkout&severity=SEV3")
			.getBody());
		assertThat(sev1Only.path("all").path("incidents").asInt()).isEqualTo(1);
		assertThat(sev1Only.path("bySeverity")).hasSize(1);
	}

	@Test
	void theCsvHasTheSameFigures() {
		ResponseEntity<String> csv = rest.withBasicAuth("auditor", "auditor")
			.getForEntity("/reports.csv?" + MARCH_2001, String.class);
		assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
		assertThat(csv.getHeaders().getContentDisposition().getFilename())
			.isEqualTo("firebreak-report-2001-03-01-2001-03-31.csv");
		assertThat(csv.getBody().lines()).first().asString().startsWith("dimension,group,incidents,time_to_acknowledge_n");
		assertThat(csv.getBody().lines().toList()).anyMatch(line -> line.startsWith("all,all,3,3,120,240,3,600,1200,3,900,1800,3,3600,7200,2,1,0.5,"))
			.contains("month,2001-03,3,3,120,240,3,600,1200,3,900,1800,3,3600,7200,2,1,0.5,");
	}

	@Test
	void thePageDrawsItsChartsFromTheFiguresItCarries() {
		ResponseEntity<String> page = http.get("comms", "/reports?" + MARCH_2001);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		String html = page.getBody();
		assertThat(html).contains("<script src=\"/webjars/echarts/5.3.1/dist/echarts.min.js\" defer></script>",
				"<script src=\"/js/reports.js\" defer></script>", "<script type=\"application/json\" id=\"report-figures\">",
				"id=\"chart-by-severity\"", "id=\"chart-by-month\"", "href=\"/reports\"");
		String figures = html.substring(html.indexOf("id=\"report-figures\">") + "id=\"report-figures\">".length(),
				html.indexOf("</script>", html.indexOf("id=\"report-figures\">")));
		assertThat(figures).as("the action item's title cannot end the block").doesNotContain("<", ">")
			.contains("\\u003C/script\\u003E\\u003Cimg src=x onerror=alert(1)\\u003E Rotate certificates");
		assertThat(html).doesNotContain("<img src=x").contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; Rotate");
		assertThat(html).as("the tables").contains("<th scope=\"row\">SEV1</th>", "2m 00s", "1h 00m", "1 of 2 (50%)");

		ResponseEntity<String> echarts = rest.withBasicAuth("comms", "comms")
			.getForEntity("/webjars/echarts/5.3.1/dist/echarts.min.js", String.class);
		assertThat(echarts.getStatusCode()).as("served by Firebreak itself").isEqualTo(HttpStatus.OK);
		assertThat(echarts.getBody()).contains("echarts");
		assertThat(rest.withBasicAuth("auditor", "auditor").getForEntity("/js/reports.js", String.class).getBody())
			.contains("report-figures", "echarts.init");
	}

	@Test
	void badFiltersGetA400SayingWhatToFix() throws Exception {
		assertBadRequest("/reports?from=2026-02-30", "invalid from", "from must be a date like 2026-03-31 (was '2026-02-30')");
		assertBadRequest("/reports.json?from=yesterday", "invalid from", "from must be a date like 2026-03-31 (was 'yesterday')");
		assertBadRequest("/reports.json?from=2026-04-01&to=2026-03-31", "invalid from",
				"from (2026-04-01) is after to (2026-03-31): swap them");
		assertBadRequest("/reports.csv?severity=SEV9", "invalid severity",
				"severity must be one of SEV1, SEV2, SEV3, SEV4 (was 'SEV9')");
		ResponseEntity<String> service = http.get("ic", "/reports.json?service=billing");
		assertThat(service.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(JSON.readTree(service.getBody()).path("detail").asText()).startsWith("service must be one of ")
			.contains("checkout", "payments").endsWith("(was 'billing')");
	}

	@Test
	void readersAreLeadersAuditorsCommunicationsAndPlanAuthorsNotResponders() {
		for (String path : List.of("/reports", "/reports.json", "/reports.csv")) {
			assertThat(http.get("oncall", path).getStatusCode()).as("oncall, %s", path).isEqualTo(HttpStatus.FORBIDDEN);
		}
		for (String reader : List.of("ic", "admin", "auditor", "comms", "author")) {
			assertThat(http.get(reader, "/reports.json").getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
		}
		assertThat(http.get("oncall", "/").getBody()).doesNotContain("href=\"/reports\"");
		assertThat(http.get("auditor", "/").getBody()).contains("href=\"/reports\"");
	}

	@Test
	void prometheusHasOpenIncidentsBySeverityAndTheTimeToAcknowledgeOnceAcknowledged() throws Exception {
		IncidentResponseDriver driver = new IncidentResponseDriver(engine, declarations, roster);
		ProcessInstance instance = driver.declare("Payments slow", "payments", "significant", "high", false);
		String severity = incidents.findByKey(instance.getBusinessKey()).orElseThrow().severity().name();
		String histogram = "firebreak_incident_time_to_acknowledge_seconds";
		String[] tags = { "service=\"payments\"", "severity=\"" + severity + "\"" };
		double before = value(scrape(), histogram + "_count", tags).orElse(0.0);

		driver.runJob(instance, "ServiceTask_PageOnCall");
		driver.complete(instance, "UserTask_AcknowledgePage", "oncall", Map.of());

		String scraped = scrape();
		assertThat(value(scraped, histogram + "_count", tags)).as("recorded once committed").contains(before + 1);
		assertThat(value(scraped, histogram + "_bucket", tags[0], tags[1], "le=\"+Inf\"")).as("a percentile histogram")
			.contains(before + 1);
		assertThat(scraped).contains(histogram + "_bucket{service=\"payments\",severity=\"" + severity + "\",le=\"1.0\"}");

		// a cached count: at most a few seconds old
		long open = jdbc.sql("select count(*) from incident where status not in ('RESOLVED', 'CLOSED') and drill = false "
				+ "and severity = ?").param(severity).query(Long.class).single();
		assertThat(open).isPositive();
		Poll.until("firebreak_incidents_open{severity=\"" + severity + "\"} " + open, Duration.ofSeconds(15),
				() -> value(scrape(), "firebreak_incidents_open", "severity=\"" + severity + "\"")
					.filter(gauge -> gauge == open));
		assertThat(value(scraped, "firebreak_incidents_open", "severity=\"untriaged\"")).isPresent();

		// a drill acknowledged adds nothing
		double drillsBefore = value(scrape(), histogram + "_count", tags).orElse(0.0);
		ProcessInstance drill = driver.declare("Payments slow (drill)", "payments", "significant", "high", true);
		driver.runJob(drill, "ServiceTask_PageOnCall");
		driver.complete(drill, "UserTask_AcknowledgePage", "oncall", Map.of());
		assertThat(value(scrape(), histogram + "_count", tags)).contains(drillsBefore);
	}

	String scrape() {
		ResponseEntity<String> scraped = rest.withBasicAuth("admin", "admin").getForEntity("/actuator/prometheus",
				String.class);
		assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
		return scraped.getBody();
	}

	/** The value of the sample {@code name} whose labels include every one of {@code labels}. */
	static Optional<Double> value(String scraped, String name, String... labels) {
		Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scraped);
		while (sample.find()) {
			String found = sample.group(1);
			if (List.of(labels).stream().allMatch(found::contains)) {
				return Optional.of(Double.parseDouble(sample.group(2)));
			}
		}
		return Optional.empty();
	}

	void assertBadRequest(String path, String error, String detail) throws Exception {
		ResponseEntity<String> response = http.get("ic", path);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
		JsonNode body = JSON.readTree(response.getBody());
		assertThat(body.path("error").asText()).isEqualTo(error);
		assertThat(body.path("detail").asText()).isEqualTo(detail);
	}

	static void assertTimes(JsonNode times, int count, long p50, long p90) {
		assertThat(times.path("count").asInt()).isEqualTo(count);
		assertThat(times.path("p50Seconds").asLong()).isEqualTo(p50);
		assertThat(times.path("p90Seconds").asLong()).isEqualTo(p90);
	}
}
