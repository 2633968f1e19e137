package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.firebreak.system.HttpClient;
import jakarta.mail.internet.MimeMessage;

/**
 * As in production: the job executor running, SMTP configured. Declaring a SEV1 for checkout
 * over the API puts the page in the on-call's mailbox within five seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=" + PageDeliveryIntegrationTests.SMTP_PORT,
				"camunda.bpm.job-execution.enabled=true" })
@ActiveProfiles({ "demo", "test" })
class PageDeliveryIntegrationTests {

	static final int SMTP_PORT = 3926;

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@Autowired
	TestRestTemplate rest;

	@Test
	void aDeclaredSev1PagesTheOnCallWithinFiveSeconds() throws Exception {
		long declaredAt = System.nanoTime();
		var declared = new HttpClient(rest).post("ic", "/api/incidents", Map.of("title", "Checkout down", "service",
				"checkout", "impact", "extensive", "urgency", "critical"));
		assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		// the very first page also pays for class loading and template compilation (about 3.5 s here)
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("first page delivered").isTrue();
		long millis = (System.nanoTime() - declaredAt) / 1_000_000;
		MimeMessage page = smtp.getReceivedMessages()[0];
		assertThat(page.getAllRecipients()).extracting(Object::toString).containsExactly("oncall@firebreak.example");
		assertThat(page.getSubject()).startsWith("[SEV1][INC-").endsWith("] Checkout down");
		System.out.printf("page delivered %d ms after the declaration%n", millis);

		long again = System.nanoTime();
		new HttpClient(rest).post("ic", "/api/incidents", Map.of("title", "Payments down", "service", "payments",
				"impact", "extensive", "urgency", "critical"));
		assertThat(smtp.waitForIncomingEmail(5_000, 2)).as("page delivered within 5 s").isTrue();
		System.out.printf("second page delivered %d ms after its declaration%n", (System.nanoTime() - again) / 1_000_000);
	}
}
