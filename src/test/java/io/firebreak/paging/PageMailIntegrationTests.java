package io.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.notification.Outbox;
import io.firebreak.notification.OutboxMessage;
import io.firebreak.roster.Roster;
import jakarta.mail.internet.MimeMessage;

/** With SMTP configured, the page reaches the on-call's mailbox; the outbox records it as sent. */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=" + PageMailIntegrationTests.SMTP_PORT })
@ActiveProfiles({ "demo", "test" })
class PageMailIntegrationTests {

	static final int SMTP_PORT = 3925;

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@Autowired
	ProcessEngine engine;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	Roster roster;

	@Autowired
	Outbox outbox;

	IncidentResponseDriver driver;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new IncidentResponseDriver(engine, declarations, roster);
	}

	@Test
	void pagesThePrimaryOnCallByMailAndEscalatesToTheSecondary() throws Exception {
		ProcessInstance instance = driver.declare("Checkout errors", "checkout", "extensive", "critical", true);
		driver.assess(instance, "extensive", "critical");
		driver.runJob(instance);

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage page = received[0];
		String key = instance.getBusinessKey();
		assertThat(page.getAllRecipients()).extracting(Object::toString).containsExactly("oncall@firebreak.example");
		assertThat(page.getSubject()).isEqualTo("[DRILL][SEV1][" + key + "] Checkout errors");
		assertThat(GreenMailUtil.getBody(page)).contains("Omar, you are paged for " + key,
				"http://localhost:8080/incidents/" + key);
		assertThat(outbox.forIncident(key)).singleElement()
			.satisfies(message -> assertThat(message.status()).isEqualTo(OutboxMessage.Status.SENT));

		org.camunda.bpm.engine.impl.util.ClockUtil.offset(6 * 60 * 1000L);
		try {
			driver.runJob(instance);
			driver.runJob(instance);
		}
		finally {
			org.camunda.bpm.engine.impl.util.ClockUtil.reset();
		}
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(smtp.getReceivedMessages()[1].getAllRecipients()).extracting(Object::toString)
			.containsExactly("oncall2@firebreak.example");
		assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[1]))
			.contains("Escalated to you: oncall did not acknowledge in time.");
		driver.complete(instance, "oncall2", Map.of());
	}
}
