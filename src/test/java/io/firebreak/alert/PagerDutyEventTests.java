package io.firebreak.alert;

import static io.firebreak.alert.AlertFixtures.pagerDuty;
import static io.firebreak.alert.AlertFixtures.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.firebreak.system.InvalidInput;

/** PagerDuty Events API v2, from Alertmanager's own PagerDuty receiver and a full example. */
class PagerDutyEventTests {

	final AlertPayloads payloads = new AlertPayloads();

	@Test
	void readsATriggerAsAlertmanagerSendsIt() {
		AlertPayloads.PagerDutyRequest request = payloads.pagerDuty(recorded("pagerduty-from-alertmanager-trigger.json"));
		AlertDelivery trigger = request.delivery();

		assertThat(request.routingKey()).isEqualTo("firebreak-demo-key");
		assertThat(trigger.source()).isEqualTo(AlertSource.PAGERDUTY_EVENTS);
		assertThat(trigger.groupKey()).isEqualTo("8b01510fd8995a859a068092334410f14cbe4ffd4afa3f8bfe1c17acf2e1c2db");
		assertThat(trigger.status()).isEqualTo(AlertDelivery.Status.FIRING);
		assertThat(trigger.title()).isEqualTo("[FIRING:1] PaymentsLatencyHigh payments (payments-1 warning)");
		assertThat(trigger.severity()).isEqualTo("warning");
		assertThat(trigger.serviceHints()).containsExactly("payments", "Alertmanager");
		assertThat(trigger.events()).singleElement().extracting(AlertEvent::description).isEqualTo(
				"Triggered: [FIRING:1] PaymentsLatencyHigh payments (payments-1 warning) (source Alertmanager, severity warning, component payments)");
	}

	@Test
	void readsAResolveForTheSameDedupKey() {
		AlertDelivery resolve = payloads.pagerDuty(recorded("pagerduty-from-alertmanager-resolve.json")).delivery();

		assertThat(resolve.status()).isEqualTo(AlertDelivery.Status.RESOLVED);
		assertThat(resolve.groupKey()).isEqualTo("8b01510fd8995a859a068092334410f14cbe4ffd4afa3f8bfe1c17acf2e1c2db");
		assertThat(resolve.events()).singleElement().satisfies(event -> {
			assertThat(event.kind()).isEqualTo(AlertEvent.Kind.RESOLVED);
			assertThat(event.description()).isEqualTo(
					"Resolved in Alertmanager (dedup_key 8b01510fd8995a859a068092334410f14cbe4ffd4afa3f8bfe1c17acf2e1c2db)");
		});
	}

	@Test
	void readsEveryFieldOfATriggerIncludingPagerDutysTimestampOffset() {
		AlertDelivery trigger = payloads.pagerDuty(recorded("pagerduty-trigger-all-fields.json")).delivery();

		assertThat(trigger.groupKey()).isEqualTo("identity/login-failures");
		assertThat(trigger.serviceHints()).containsExactly("identity", "identity-api-7f9c");
		assertThat(trigger.summary()).contains("component identity, group prod-eu, class auth",
				"\"failure_rate\":\"23%\"", "Links: https://monitoring.example.com/dashboards/identity");
	}

	@Test
	void aTriggerWithoutDedupKeyGetsOneFromItsContentSoThatAResendFindsTheSameGroup() {
		AlertDelivery first = payloads.pagerDuty(pagerDuty("trigger", null, "Disk full", "critical", null)).delivery();
		AlertDelivery resent = payloads.pagerDuty(pagerDuty("trigger", null, "Disk full", "critical", null)).delivery();
		AlertDelivery other = payloads.pagerDuty(pagerDuty("trigger", null, "Disk almost full", "critical", null)).delivery();

		assertThat(first.groupKey()).matches("[0-9a-f]{32}").isEqualTo(resent.groupKey()).isNotEqualTo(other.groupKey());
		assertThat(first.events().get(0).eventKey()).isEqualTo(resent.events().get(0).eventKey());
	}

	@Test
	void theSameTriggerIsTheSameEventWhateverTheOrderOfItsFieldsAndANewTriggerIsNot() {
		byte[] reordered = ("{\"event_action\": \"trigger\", \"payload\": {\"severity\": \"critical\", \"source\": \"prom-eu-1\", "
				+ "\"summary\": \"Disk full\"}, \"dedup_key\": \"disk\", \"routing_key\": \"another-key-entirely\"}")
			.getBytes(StandardCharsets.UTF_8);
		AlertDelivery first = payloads.pagerDuty(pagerDuty("trigger", "disk", "Disk full", "critical", null)).delivery();
		AlertDelivery same = payloads.pagerDuty(reordered).delivery();
		AlertDelivery worse = payloads.pagerDuty(pagerDuty("trigger", "disk", "Disk full, writes failing", "critical", null)).delivery();

		assertThat(same.events().get(0).eventKey()).isEqualTo(first.events().get(0).eventKey());
		assertThat(worse.events().get(0).eventKey()).isNotEqualTo(first.events().get(0).eventKey());
	}

	@Test
	void anAcknowledgementIsAnEventOfItsOwn() {
		AlertDelivery ack = payloads.pagerDuty(pagerDuty("acknowledge", "disk", null, null, null)).delivery();

		assertThat(ack.status()).isEqualTo(AlertDelivery.Status.ACKNOWLEDGED);
		assertThat(ack.events()).singleElement().extracting(AlertEvent::kind).isEqualTo(AlertEvent.Kind.ACKNOWLEDGED);
	}

	@Test
	void rejectsWhatPagerDutyRejectsNamingTheField() {
		assertRejected("{\"event_action\": \"trigger\"}", "routing_key", "routing_key is required");
		assertRejected(pagerDuty("explode", "disk", "Disk full", "critical", null), "event_action",
				"event_action must be one of trigger, acknowledge, resolve (was 'explode')");
		assertRejected(pagerDuty("trigger", "disk", "Disk full", "fatal", null), "payload.severity",
				"payload.severity must be one of critical, error, warning, info (was 'fatal')");
		assertRejected(pagerDuty("trigger", "disk", "x".repeat(1025), "critical", null), "payload.summary",
				"payload.summary is 1025 characters long; at most 1024 are allowed");
		assertRejected(pagerDuty("trigger", "d".repeat(256), "Disk full", "critical", null), "dedup_key",
				"dedup_key is 256 characters long; at most 255 are allowed");
		assertRejected(pagerDuty("resolve", null, null, null, null), "dedup_key", "dedup_key is required to resolve");
		assertRejected(pagerDuty("trigger", "disk", null, null, null), "payload", "payload is required");
		assertRejected("{\"routing_key\": \"k\", \"event_action\": \"trigger\", \"payload\": {\"summary\": \"s\", "
				+ "\"severity\": \"info\"}}", "payload.source", "payload.source is required");
		assertRejected("{\"routing_key\": \"k\", \"event_action\": \"trigger\", \"links\": [{\"text\": \"t\"}], "
				+ "\"payload\": {\"summary\": \"s\", \"source\": \"s\", \"severity\": \"info\"}}", "links[0].href",
				"links[0].href is required");
		assertRejected("{\"routing_key\": \"k\", \"event_action\": \"trigger\", \"payload\": {\"summary\": \"s\", "
				+ "\"source\": \"s\", \"severity\": \"info\", \"timestamp\": \"last tuesday\"}}", "payload.timestamp",
				"payload.timestamp must be a timestamp");
	}

	private void assertRejected(String body, String field, String detail) {
		assertRejected(body.getBytes(StandardCharsets.UTF_8), field, detail);
	}

	private void assertRejected(byte[] body, String field, String detail) {
		assertThatThrownBy(() -> payloads.pagerDuty(body).delivery())
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining(detail)
			.satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo(field));
	}
}
