package io.firebreak.alert;

import static io.firebreak.alert.AlertFixtures.pagerDuty;
import static io.firebreak.alert.AlertFixtures.recorded;
import static io.firebreak.alert.AlertFixtures.recordedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** What the alert doors refuse, how they say so, and that a refusal writes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class AlertIntakeGuardsIntegrationTests {

	static final String AM = "/api/alerts/alertmanager";
	static final String PD = "/v2/enqueue";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	AlertHttp http;

	@BeforeEach
	void setUp() {
		http = AlertHttp.on(port);
	}

	@Test
	void alertmanagerMustSendAnIntegrationKey() {
		List<Long> before = rowCounts();
		byte[] firing = recorded("alertmanager-firing.json");

		AlertHttp.Answer none = http.post(AM, null, firing, false);
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertThat(none.text("error")).isEqualTo("unauthorized");
		assertThat(none.text("detail")).contains("Authorization: Bearer");

		AlertHttp.Answer wrong = http.post(AM, "Bearer not-the-key-of-anything", firing, false);
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(wrong.text("error")).isEqualTo("forbidden");
		assertThat(http.post(AM, "Basic " + basic("ic", "ic"), firing, false).status()).as("a person's password is no key")
			.isEqualTo(403);
		assertThat(http.post(AM, "Token firebreak-demo-key", firing, false).status()).isEqualTo(401);
		assertThat(rowCounts()).isEqualTo(before);

		assertThat(http.post(AM, "Basic " + basic("alertmanager", AlertFixtures.DEMO_KEY),
				recordedWith("alertmanager-firing.json", "CheckoutHighErrorRate\\\"", "BasicAuthGroup\\\""), false)
			.status()).as("Alertmanager's basic_auth with the key as password").isEqualTo(202);
	}

	@Test
	void pagerDutyFormatSendersMustSendAKnownRoutingKey() {
		List<Long> before = rowCounts();

		AlertHttp.Answer wrong = http.pagerDuty(new String(pagerDuty("trigger", "k1", "Disk full", "critical", null),
				StandardCharsets.UTF_8).replace(AlertFixtures.DEMO_KEY, "R0UT1NGKEY0000000000000000000000").getBytes(StandardCharsets.UTF_8));
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(wrong.text("status")).isEqualTo("invalid routing key");
		assertThat(wrong.body().path("errors").get(0).asText()).contains("not the key of any Firebreak service");
		assertThat(wrong.text("error")).isEqualTo("forbidden");

		AlertHttp.Answer missing = http.pagerDuty("{\"event_action\": \"trigger\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.text("status")).isEqualTo("invalid event");
		assertThat(missing.text("message")).isEqualTo("Event object is invalid");
		assertThat(missing.body().path("errors").get(0).asText()).isEqualTo("routing_key is required");
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void malformedOrIncompletePayloadsAre400NamingTheFieldAndWriteNothing() {
		List<Long> before = rowCounts();

		AlertHttp.Answer malformed = http.alertmanager("{\"version\": \"4\", ".getBytes(StandardCharsets.UTF_8));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.text("error")).isEqualTo("invalid body");
		assertThat(malformed.text("detail")).startsWith("the body is not valid JSON (line 1");

		AlertHttp.Answer noLabels = http.alertmanager(recordedWith("alertmanager-firing.json",
				"\"labels\":{\"alertname\":\"CheckoutHighErrorRate\",\"instance\":\"checkout-1\",\"service\":\"checkout\",\"severity\":\"critical\"},", ""));
		assertThat(noLabels.status()).isEqualTo(400);
		assertThat(noLabels.text("error")).isEqualTo("invalid alerts[0].labels");
		assertThat(noLabels.text("detail")).startsWith("alerts[0].labels is required");

		AlertHttp.Answer noSummary = http.pagerDuty(recordedWith("pagerduty-trigger-all-fields.json",
				"\"summary\": \"Login failure rate above 20% on identity-api\",", ""));
		assertThat(noSummary.status()).isEqualTo(400);
		assertThat(noSummary.body().path("errors").get(0).asText()).isEqualTo("payload.summary is required");
		assertThat(noSummary.text("error")).isEqualTo("invalid payload.summary");
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void aBodyOverOneMebibyteIs413WhetherItsLengthIsDeclaredOrStreamed() {
		List<Long> before = rowCounts();
		byte[] huge = new byte[AlertPayloads.MAX_BODY_BYTES + 1];
		Arrays.fill(huge, (byte) ' ');
		huge[0] = '{';

		AlertHttp.Answer declared = http.post(AM, "Bearer " + AlertFixtures.DEMO_KEY, huge, false);
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.text("error")).isEqualTo("payload too large");
		assertThat(http.post(AM, "Bearer " + AlertFixtures.DEMO_KEY, huge, true).status()).isEqualTo(413);
		AlertHttp.Answer pagerDuty = http.post(PD, null, huge, true);
		assertThat(pagerDuty.status()).isEqualTo(413);
		assertThat(pagerDuty.text("status")).isEqualTo("request too large");
		assertThat(rowCounts()).isEqualTo(before);

		byte[] justUnder = new byte[AlertPayloads.MAX_BODY_BYTES];
		Arrays.fill(justUnder, (byte) ' ');
		byte[] firing = recordedWith("alertmanager-firing.json", "CheckoutHighErrorRate\\\"", "PaddedGroup\\\"");
		System.arraycopy(firing, 0, justUnder, 0, firing.length);
		assertThat(http.post(AM, "Bearer " + AlertFixtures.DEMO_KEY, justUnder, true).status()).isEqualTo(202);
	}

	@Test
	void theAlertDoorsOpenNothingElse() {
		assertThat(http.post("/api/incidents", "Bearer " + AlertFixtures.DEMO_KEY,
				"{\"title\": \"t\"}".getBytes(StandardCharsets.UTF_8), false).status()).isEqualTo(401);
	}

	private List<Long> rowCounts() {
		return List.of("incident", "alert_group", "alert_event", "timeline_event").stream()
			.map(table -> jdbc.sql("select count(*) from " + table).query(Long.class).single())
			.toList();
	}

	private static String basic(String user, String password) {
		return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}
}
