package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.CannotCreateTransactionException;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.roster.Roster;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Real mail through a real SMTP server (GreenMail): content, threading, roles, drills, outages. */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1",
		"spring.mail.port=" + NotificationMailIntegrationTests.SMTP_PORT })
@ActiveProfiles({ "demo", "test" })
class NotificationMailIntegrationTests {

	static final int SMTP_PORT = 3925;

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@Autowired
	ProcessEngine engine;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	Roster roster;

	@MockitoSpyBean
	NotificationRepository notifications;

	@Autowired
	Notifier notifier;

	IncidentResponseDriver driver;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new IncidentResponseDriver(engine, declarations, roster);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aPageArrivesAsHtmlAndTextWithEscapedUserTextAndEscalationsThreadUnderIt() throws Exception {
		ProcessInstance instance = driver.declare("Checkout <script>alert(1)</script> errors", "checkout", "extensive",
				"critical", true);
		String key = instance.getBusinessKey();
		driver.runJob(instance);

		MimeMessage page = single(smtp.getReceivedMessages());
		assertThat(page.getAllRecipients()).extracting(Object::toString).containsExactly("oncall@firebreak.example");
		assertThat(page.getSubject()).isEqualTo("[DRILL][SEV1][" + key + "] Checkout <script>alert(1)</script> errors");
		assertThat(page.getMessageID()).isEqualTo("<" + key + ".page.0@firebreak.example>");
		assertThat(page.getHeader("X-Firebreak-Drill")).containsExactly("true");
		String text = part(page, "text/plain");
		String html = part(page, "text/html");
		assertThat(text).contains("DRILL: an exercise", "Omar, you are paged for " + key,
				"http://localhost:8080/incidents/" + key + "/task");
		assertThat(html).contains("Checkout &lt;script&gt;alert(1)&lt;/script&gt; errors").doesNotContain("<script>");

		ClockUtil.offset(Duration.ofMinutes(6).toMillis());
		driver.runJob(instance);
		driver.runJob(instance);
		MimeMessage escalation = smtp.getReceivedMessages()[1];
		assertThat(escalation.getAllRecipients()).extracting(Object::toString)
			.containsExactly("oncall2@firebreak.example");
		assertThat(escalation.getHeader("In-Reply-To")).containsExactly(page.getMessageID());
		assertThat(escalation.getHeader("References")).containsExactly(page.getMessageID());
		assertThat(part(escalation, "text/plain")).contains("oncall did not acknowledge in time");
	}

	@Test
	void theResolutionReachesEveryAudienceItsSeverityReachesAndADrillOnlyTheResponders() throws Exception {
		String real = resolve(driver.declare("Payments slow", "payments", "significant", "high", false));
		assertThat(recipients(real + "/notice/resolution/stakeholders/email")).isEqualTo("admin@firebreak.example,"
				+ " ic@firebreak.example, comms@firebreak.example, incidents@firebreak.example");
		assertThat(recipients(real + "/notice/resolution/responders/email"))
			.isEqualTo("oncall@firebreak.example, oncall2@firebreak.example, security@firebreak.example");
		assertThat(recipients(real + "/notice/resolution/executives/email")).isEqualTo("leadership@firebreak.example");
		assertThat(recipients(real + "/notice/resolution/customers/email")).isEqualTo("status-subscribers@firebreak.example");
		assertThat(recipientsOf("Checkout: ", "Resolved"))
			.as("the customers' mail names the service (checkout since the assessment), not the incident")
			.containsExactly("status-subscribers@firebreak.example");
		assertThat(recipientsOf("[SEV2]", "Payments slow resolved")).isNotEmpty();

		String drill = resolve(driver.declare("Payments slow (drill)", "payments", "significant", "high", true));
		assertThat(recipients(drill + "/notice/resolution/stakeholders/email"))
			.as("a drill reaches neither communications nor a mailing list")
			.isEqualTo("admin@firebreak.example, ic@firebreak.example");
		assertThat(notifications.forIncident(drill)).extracting(Notification::key)
			.as("nor executives, nor customers")
			.noneMatch(key -> key.contains("/executives/") || key.contains("/customers/"));
	}

	private String recipients(String notificationKey) {
		Notification notification = notifications.findByKey(notificationKey).orElseThrow();
		assertThat(notification.status()).as(notificationKey).isEqualTo(NotificationStatus.SENT);
		return notification.recipients();
	}

	@Test
	void anSmtpOutageIsRetriedThenRaisesAnIncidentAndACockpitRetryDeliversOneCopy() throws Exception {
		smtp.stop();
		ProcessInstance instance = driver.declare("Checkout errors", "checkout", "significant", "high", false);
		String key = instance.getBusinessKey();
		Job page = job("ServiceTask_PageOnCall", instance);

		List<Integer> retries = new java.util.ArrayList<>();
		while (page.getRetries() > 0) {
			String jobId = page.getId();
			assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId))
				.hasMessageContaining("Mail to oncall@firebreak.example failed at SMTP server 127.0.0.1:" + SMTP_PORT);
			page = engine.getManagementService().createJobQuery().jobId(jobId).singleResult();
			retries.add(page.getRetries());
		}
		assertThat(retries).as("each failure spends a retry").isSortedAccordingTo((a, b) -> b - a).endsWith(0);
		assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult()
			.getIncidentMessage()).contains("Mail to oncall@firebreak.example failed");
		Notification failed = notifications.findByKey(key + "/page/0").orElseThrow();
		assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(retries.size());
		assertThat(notifications.failedToWarnOf(java.time.Instant.now().minusSeconds(86_400))).extracting(Notification::key).contains(key + "/page/0");

		smtp.start();
		engine.getManagementService().setJobRetries(page.getId(), 1); // what Cockpit's "Retry" does
		engine.getManagementService().executeJob(page.getId());

		assertThat(smtp.getReceivedMessages()).hasSize(1);
		Notification delivered = notifications.findByKey(key + "/page/0").orElseThrow();
		assertThat(delivered.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(delivered.attempts()).isEqualTo(retries.size() + 1);
		assertThat(delivered.sentAt()).isNotNull();
		assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void aFailedResolutionNoticeShowsOnTheDashboardThoughItsIncidentIsResolved() throws Exception {
		ProcessInstance instance = driver.declare("Payments slow", "payments", "significant", "high", false);
		driver.workToResolved(instance, "significant", "high");
		smtp.stop();
		driver.runJob(instance, "ServiceTask_NotifyResolution"); // queues the deliveries, and the plan moves on
		String mail = instance.getBusinessKey() + "/notice/resolution/stakeholders/email";
		String delivery = driver.deliveryJobs(instance.getBusinessKey(), "notice/resolution/stakeholders/email").get(0)
			.getId();
		assertThatThrownBy(() -> engine.getManagementService().executeJob(delivery))
			.hasMessageContaining("Mail to admin@firebreak.example");

		assertThat(notifications.failedToWarnOf(java.time.Instant.now().minusSeconds(86_400)))
			.extracting(Notification::key).contains(mail);
		smtp.start();
	}

	@Test
	void aMailThatWentOutButCouldNotBeRecordedIsNotSentAgainByTheRetry() throws Exception {
		ProcessInstance instance = driver.declare("Checkout errors", "checkout", "significant", "high", false);
		String key = instance.getBusinessKey();
		doThrow(new CannotCreateTransactionException("Could not open JDBC Connection for transaction"))
			.when(notifications).recordAttempt(anyLong(), eq(NotificationStatus.SENT), isNull(), any());
		assertThatThrownBy(() -> driver.runJob(instance)).hasMessageContaining("Could not open JDBC Connection");
		Mockito.reset(notifications);

		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(notifications.findByKey(key + "/page/0").orElseThrow().status()).as("still claimed, not failed")
			.isEqualTo(NotificationStatus.SENDING);
		assertThatThrownBy(() -> driver.runJob(instance)).hasMessageContaining("is being sent by node");
		assertThat(smtp.getReceivedMessages()).as("the retry did not send it again").hasSize(1);
	}

	@Test
	void aRetriedJobDoesNotSendAMailThatAlreadyWentOut() throws Exception {
		ProcessInstance instance = driver.declare("Checkout errors", "checkout", "significant", "high", false);
		driver.runJob(instance);
		// the same page again, as a job retried after its mail went out would ask for it
		Notification again = notifier.send(new NotificationRequest(instance.getBusinessKey() + "/page/0",
				instance.getBusinessKey(), NotificationKind.PAGE, Channel.EMAIL, List.of("oncall@firebreak.example"),
				"subject", false, Map.of()));

		assertThat(again.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(again.attempts()).isEqualTo(1);

		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	/** Works the incident to resolved, then runs its notices' deliveries as the job executor would. */
	private String resolve(ProcessInstance instance) {
		driver.workToResolved(instance, "significant", "high");
		driver.runJob(instance, "ServiceTask_NotifyResolution");
		driver.runDeliveries(instance.getBusinessKey());
		return instance.getBusinessKey();
	}

	/** GreenMail keeps one copy per recipient; the To header of any copy names them all. */
	private List<String> recipientsOf(String subjectStart, String subjectEnd) throws Exception {
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getSubject().startsWith(subjectStart) && message.getSubject().endsWith(subjectEnd)) {
				return java.util.Arrays.stream(message.getRecipients(jakarta.mail.Message.RecipientType.TO))
					.map(Object::toString)
					.toList();
			}
		}
		throw new AssertionError("no mail '" + subjectStart + " … " + subjectEnd + "' among " + java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> { try { return m.getSubject(); } catch (Exception e) { return "?"; } }).distinct().toList());
	}

	private static MimeMessage single(MimeMessage[] messages) {
		assertThat(messages).hasSize(1);
		return messages[0];
	}

	/** The body of the first part of the given type, however deeply the multipart nests it. */
	private static String part(MimeMessage message, String type) throws Exception {
		String found = find(message.getContent(), type);
		assertThat(found).as("a %s part", type).isNotNull();
		return found;
	}

	private static String find(Object content, String type) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				var bodyPart = multipart.getBodyPart(i);
				if (bodyPart.isMimeType(type)) {
					return GreenMailUtil.getBody(bodyPart).isEmpty() ? null : (String) bodyPart.getContent();
				}
				String nested = find(bodyPart.getContent(), type);
				if (nested != null) {
					return nested;
				}
			}
		}
		return null;
	}
}
