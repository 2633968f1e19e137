package io.firebreak.alert;

import static io.firebreak.alert.AlertFixtures.recorded;
import static io.firebreak.alert.AlertFixtures.recordedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.firebreak.system.InvalidInput;

/** Alertmanager's webhook, read from payloads a real Alertmanager 0.25 sent. */
class AlertmanagerWebhookTests {

	final AlertPayloads payloads = new AlertPayloads();

	@Test
	void readsAFiringGroupIntoEventsAndWhatTheIncidentWouldSay() {
		AlertDelivery firing = payloads.alertmanager(recorded("alertmanager-firing.json"));

		assertThat(firing.source()).isEqualTo(AlertSource.ALERTMANAGER);
		assertThat(firing.groupKey()).isEqualTo("{}:{alertname=\"CheckoutHighErrorRate\", service=\"checkout\"}");
		assertThat(firing.status()).isEqualTo(AlertDelivery.Status.FIRING);
		assertThat(firing.title()).isEqualTo("CheckoutHighErrorRate: 5xx above 5% on /pay");
		assertThat(firing.severity()).isEqualTo("critical");
		assertThat(firing.serviceHints()).containsExactly("checkout", "checkout");
		assertThat(firing.summary()).startsWith("Error ratio 7.2% over 5m")
			.contains("receiver firebreak", "1 of 1 alerts firing", "http://vm:19093");
		assertThat(firing.events()).singleElement().satisfies(event -> {
			assertThat(event.kind()).isEqualTo(AlertEvent.Kind.FIRING);
			assertThat(event.description()).isEqualTo("CheckoutHighErrorRate firing since 2026-11-27T15:39:08.738292678Z "
					+ "(instance=checkout-1, service=checkout, severity=critical): 5xx above 5% on /pay");
		});
	}

	@Test
	void anAlertResentInALaterNotificationIsTheSameEventAndANewAlertIsNot() {
		AlertDelivery first = payloads.alertmanager(recorded("alertmanager-firing.json"));
		AlertDelivery second = payloads.alertmanager(recorded("alertmanager-second-alert.json"));

		assertThat(second.events()).hasSize(2);
		assertThat(second.events().get(0).eventKey()).as("checkout-1 again, same start").isEqualTo(first.events().get(0).eventKey());
		assertThat(second.events().get(1).eventKey()).isNotEqualTo(first.events().get(0).eventKey());
		assertThat(second.groupHash()).isEqualTo(first.groupHash());
	}

	@Test
	void aResolvedGroupIsResolvedEventsWithTheirEndTime() {
		AlertDelivery resolved = payloads.alertmanager(recorded("alertmanager-resolved.json"));

		assertThat(resolved.status()).isEqualTo(AlertDelivery.Status.RESOLVED);
		assertThat(resolved.events()).extracting(AlertEvent::kind).containsOnly(AlertEvent.Kind.RESOLVED);
		assertThat(resolved.events().get(0).description()).startsWith("CheckoutHighErrorRate resolved at 2026-11-27T15:39:14Z");
	}

	@Test
	void aNewFiringOfTheSameAlertIsANewEvent() {
		AlertDelivery first = payloads.alertmanager(recorded("alertmanager-firing.json"));
		AlertDelivery again = payloads.alertmanager(recordedWith("alertmanager-firing.json",
				"2026-11-27T15:39:08.738292678Z", "2026-11-27T16:02:00Z"));

		assertThat(again.events().get(0).eventKey()).isNotEqualTo(first.events().get(0).eventKey());
	}

	@Test
	void rejectsWhatIsNotAnAlertmanagerNotificationNamingTheField() {
		assertRejected("{\"version\": ", "body", "the body is not valid JSON (line 1");
		assertRejected("[]", "body", "the body must be a JSON object");
		assertRejected("", "body", "the body is empty");
		assertRejected(without("\"groupKey\""), "groupKey", "groupKey is required");
		assertRejected(replaced("\"version\":\"4\"", "\"version\":\"3\""), "version", "version must be 4");
		assertRejected(replaced("\"status\":\"firing\",\"alerts\"", "\"status\":\"burning\",\"alerts\""),
				"status", "status must be one of firing, resolved (was 'burning')");
		assertRejected(replaced("\"startsAt\":\"2026-11-27T15:39:08.738292678Z\"", "\"startsAt\":\"yesterday\""),
				"alerts[0].startsAt", "alerts[0].startsAt must be a timestamp");
		assertRejected(replaced("\"severity\":\"critical\"},\"annotations\"", "\"severity\":5},\"annotations\""),
				"alerts[0].labels.severity", "alerts[0].labels.severity must be a string");
		assertRejected(replaced("\"alerts\":[", "\"alerts\":7,\"x\":["), "alerts", "alerts must be a JSON array");
	}

	@Test
	void rejectsAGroupKeyLongerThanTheRecordKeeps() {
		String longKey = "x".repeat(AlertDelivery.GROUP_KEY_MAX + 1);
		assertRejected(replaced("\"groupKey\":\"{}:{alertname=\\\"CheckoutHighErrorRate\\\", service=\\\"checkout\\\"}\"",
				"\"groupKey\":\"" + longKey + "\""), "groupKey", "groupKey is 4001 characters long; at most 4000");
	}

	private void assertRejected(String body, String field, String detail) {
		assertThatThrownBy(() -> payloads.alertmanager(body.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining(detail)
			.satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo(field));
	}

	private static String replaced(String text, String replacement) {
		return new String(recordedWith("alertmanager-firing.json", text, replacement), StandardCharsets.UTF_8);
	}

	private static String without(String field) {
		return replaced(field + ":", "\"ignoredField\":");
	}
}
