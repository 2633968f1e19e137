package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentKey;
import io.firebreak.roster.Roster;
import io.firebreak.system.ClusterNode;
import io.firebreak.system.SmtpGate;

/**
 * A notification being sent is claimed by its sender: a second sender of the same notification
 * (a job run twice, on another node) does not send alongside, a dead sender's claim expires, and
 * a node that restarts releases the claims it held.
 */
@SpringBootTest(properties = "spring.mail.properties.mail.smtp.timeout=2000")
@ActiveProfiles({ "demo", "test" })
class NotificationClaimIntegrationTests {

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
	static SmtpGate gate;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry properties) {
		SMTP.start();
		gate = new SmtpGate(SMTP.getSmtp().getPort());
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", gate::port);
	}

	@AfterAll
	static void stopSmtp() {
		gate.close();
		SMTP.stop();
	}

	@Autowired
	Notifier notifier;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	InterruptedDeliveries interruptedDeliveries;

	@Autowired
	ClusterNode node;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Roster roster;

	@Test
	void aSecondSenderDoesNotSendWhileTheFirstIsSendingAndSendsOnceAfterTheFirstFailed() throws Exception {
		gate.hang();
		CompletableFuture<Notification> first = CompletableFuture.supplyAsync(() -> notifier.send(request("claim-1")));
		awaitStatus("claim-1", NotificationStatus.SENDING);

		assertThatThrownBy(() -> notifier.send(request("claim-1"))).isInstanceOf(DeliveryFailure.class)
			.hasMessageContaining("is being sent by node " + node.id());
		assertThatThrownBy(() -> first.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(DeliveryFailure.class);
		assertThat(notifications.findByKey("claim-1").orElseThrow().status()).isEqualTo(NotificationStatus.FAILED);

		gate.open();
		assertThat(notifier.send(request("claim-1")).status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notifier.send(request("claim-1")).attempts()).as("sent, not sent again").isEqualTo(2);
		assertThat(received("claim-1")).isEqualTo(1);
	}

	@Test
	void aClaimOfASenderThatDiedExpiresWithItsJobLock() throws Exception {
		gate.open();
		Notification claimed = claimedBy("claim-2", "dead-node", Instant.now().minus(1, ChronoUnit.SECONDS));

		assertThat(notifier.send(request("claim-2")).status()).isEqualTo(NotificationStatus.SENT);
		assertThat(notifications.find(claimed.id()).orElseThrow().attempts()).isEqualTo(1);
		assertThat(received("claim-2")).isEqualTo(1);
	}

	@Test
	void aRestartedNodeReleasesItsOwnClaimsOnly() {
		Instant later = Instant.now().plus(1, ChronoUnit.MINUTES);
		Notification mine = claimedBy("claim-3", node.id(), later);
		Notification other = claimedBy("claim-4", "another-node", later);

		interruptedDeliveries.afterSingletonsInstantiated();

		Notification released = notifications.find(mine.id()).orElseThrow();
		assertThat(released.status()).isEqualTo(NotificationStatus.FAILED);
		assertThat(released.lastError()).contains("Interrupted").contains(node.id());
		assertThat(notifications.find(other.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);
	}

	private Notification claimedBy(String key, String sender, Instant until) {
		gate.down();
		assertThatThrownBy(() -> notifier.send(request(key))).isInstanceOf(DeliveryFailure.class);
		gate.open();
		Notification notification = notifications.findByKey(key).orElseThrow();
		jdbc.sql("update notification set status = 'SENDING', attempts = 0, sending_by = ?, sending_until = ? where id = ?")
			.params(sender, Timestamp.from(until), notification.id())
			.update();
		return notification;
	}

	private void awaitStatus(String key, NotificationStatus status) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (notifications.findByKey(key).map(Notification::status).orElse(null) != status) {
			assertThat(System.nanoTime()).as("%s to be %s", key, status).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private long received(String key) throws Exception {
		String messageId = "<" + key + "@";
		return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
			try {
				return message.getMessageID().startsWith(messageId);
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).count();
	}

	private NotificationRequest request(String key) {
		Incident incident = Incident.declare(IncidentKey.of(2026, 9000), IncidentDeclaration.of("Checkout errors",
				"5xx", "checkout", "significant", "high", null, false), "ic", Instant.now(), "pi");
		return new NotificationRequest(key, null, NotificationKind.PAGE, Channel.EMAIL,
				List.of("oncall@firebreak.example"), "[SEV2] Checkout errors", false, Map.of("incident", incident,
						"responder", roster.person("oncall").orElseThrow(), "baseUrl", "http://localhost", "level", 0));
	}
}
