package io.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.TimelineEvent;
import io.firebreak.incident.TimelineRepository;
import io.firebreak.system.HttpClient;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * As the on-call lives it: the page arrives by mail (real SMTP, job executor running), its link
 * is opened without a session, and only the confirmation acknowledges. Used, escalated, expired
 * and forged links change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=" + AcknowledgementLinkIntegrationTests.SMTP_PORT,
				"camunda.bpm.job-execution.enabled=true" })
@ActiveProfiles({ "demo", "test" })
class AcknowledgementLinkIntegrationTests {

	static final int SMTP_PORT = 3927;
	static final Pattern LINK = Pattern.compile("/acknowledge/[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+");
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IncidentRepository incidents;

	@Autowired
	TimelineRepository timeline;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	AcknowledgementLinks links;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theLinkInThePageMailAcknowledgesWithoutSigningInAndStopsTheEscalation() throws Exception {
		IncidentKey key = declareSev1OnCheckout();
		String link = linkInMailTo("oncall@firebreak.example", 1);

		ResponseEntity<String> confirmation = anonymous(HttpMethod.GET, link, null, null);
		assertThat(confirmation.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(confirmation.getBody()).contains("Acknowledge the page", "Acknowledge as Omar Oncall", key.value());
		assertThat(confirmation.getHeaders().getCacheControl()).isEqualTo("no-store");
		assertThat(incidents.findByKey(key).orElseThrow().acknowledgedAt()).as("opening the link changes nothing")
			.isNull();
		assertThat(ackTasks(key)).isEqualTo(1);

		ResponseEntity<String> acknowledged = confirm(link, confirmation, "On it, laptop in 5");
		assertThat(acknowledged.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(acknowledged.getBody()).contains("Page acknowledged", "The escalation has stopped");
		var incident = incidents.findByKey(key).orElseThrow();
		assertThat(incident.acknowledgedBy()).isEqualTo("oncall");
		assertThat(incident.acknowledgedAt()).isNotNull();
		assertThat(ackTasks(key)).isZero();
		assertThat(management.createJobQuery().processInstanceId(incident.processInstanceId()).timers().list())
			.as("no acknowledgement timer is left to escalate").isEmpty();
		assertThat(timeline.findByIncident(key)).extracting(TimelineEvent::description)
			.anySatisfy(description -> assertThat(description).contains("On it, laptop in 5"));

		ResponseEntity<String> used = anonymous(HttpMethod.GET, link, null, null);
		assertThat(used.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(used.getBody()).doesNotContain("Acknowledge as");
		ResponseEntity<String> again = confirm(link, signInPage(), null);
		assertThat(again.getStatusCode()).as("a link works once").isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody()).contains("Already acknowledged", "acknowledged by oncall");
	}

	@Test
	void aLinkWhosePageEscalatedOrRanOutOrWasForgedChangesNothing() throws Exception {
		IncidentKey key = declareSev1OnCheckout();
		String primaryLink = linkInMailTo("oncall@firebreak.example", 1);
		String instance = incidents.findByKey(key).orElseThrow().processInstanceId();

		String forged = primaryLink.substring(0, primaryLink.length() - 3)
				+ (primaryLink.endsWith("AAA") ? "BBB" : "AAA");
		ResponseEntity<String> forgedLook = anonymous(HttpMethod.GET, forged, null, null);
		assertThat(forgedLook.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forgedLook.getBody()).contains("This link is not valid").doesNotContain(key.value());

		String ranOut = AcknowledgementController.PATH + links.issue(new AcknowledgementLink(instance, 0, "oncall",
				Instant.now().minusSeconds(1)));
		ResponseEntity<String> ranOutLook = anonymous(HttpMethod.GET, ranOut, null, null);
		assertThat(ranOutLook.getStatusCode()).isEqualTo(HttpStatus.GONE);
		assertThat(ranOutLook.getBody()).contains("This page has expired", "time ran out");

		String notYetCommitted = AcknowledgementController.PATH + links.issue(new AcknowledgementLink(instance, 1,
				"oncall2", Instant.now().plusSeconds(300)));
		ResponseEntity<String> pending = anonymous(HttpMethod.GET, notYetCommitted, null, null);
		assertThat(pending.getStatusCode()).as("a page whose step is not committed yet").isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(pending.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(pending.getBody()).contains("still being sent").doesNotContain("Acknowledge as");

		// the SEV1 timeout passes: the job executor escalates to the secondary
		ClockUtil.offset(Duration.ofMinutes(6).toMillis());
		String secondaryLink = linkInMailTo("oncall2@firebreak.example", 2);
		ResponseEntity<String> escalated = anonymous(HttpMethod.GET, primaryLink, null, null);
		assertThat(escalated.getStatusCode()).isEqualTo(HttpStatus.GONE);
		assertThat(escalated.getBody()).contains("has escalated");
		ResponseEntity<String> lateClick = confirm(primaryLink, signInPage(), null);
		assertThat(lateClick.getStatusCode()).isEqualTo(HttpStatus.GONE);
		assertThat(incidents.findByKey(key).orElseThrow().acknowledgedAt()).isNull();
		assertThat(tasks.createTaskQuery().processInstanceId(instance).taskAssignee("oncall2").count()).isEqualTo(1);

		ResponseEntity<String> secondary = confirm(secondaryLink, anonymous(HttpMethod.GET, secondaryLink, null, null),
				null);
		assertThat(secondary.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(incidents.findByKey(key).orElseThrow().acknowledgedBy()).isEqualTo("oncall2");
		assertThat(runtime.getVariable(instance, "acknowledgementNote")).isEqualTo("Acknowledged from the page mail");
	}

	private IncidentKey declareSev1OnCheckout() throws Exception {
		var declared = new HttpClient(rest).post("ic", "/api/incidents", Map.of("title", "Checkout down", "service",
				"checkout", "impact", "extensive", "urgency", "critical"));
		assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode body = new ObjectMapper().readTree(declared.getBody());
		return new IncidentKey(body.get("key").asText());
	}

	private long ackTasks(IncidentKey key) {
		return tasks.createTaskQuery().processInstanceBusinessKey(key.value()).taskDefinitionKey("UserTask_AcknowledgePage")
			.count();
	}

	/** The acknowledgement link of the {@code count}-th mail, which must be to {@code recipient}. */
	private String linkInMailTo(String recipient, int count) throws Exception {
		assertThat(smtp.waitForIncomingEmail(15_000, count)).as("page number %d delivered", count).isTrue();
		MimeMessage page = smtp.getReceivedMessages()[count - 1];
		assertThat(page.getAllRecipients()).extracting(Object::toString).containsExactly(recipient);
		Matcher link = LINK.matcher(text(page.getContent()));
		assertThat(link.find()).as("the page mail carries an acknowledgement link").isTrue();
		// the mail leaves inside the paging job, before the job commits its step: a click that fast
		// finds the page still being sent (503); a person's click comes later, and so does ours
		String person = recipient.substring(0, recipient.indexOf('@'));
		long deadline = System.currentTimeMillis() + 10_000;
		while (tasks.createTaskQuery().taskAssignee(person).taskDefinitionKey("UserTask_AcknowledgePage")
			.processInstanceBusinessKey(businessKeyOf(link.group())).count() == 0 && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		return link.group();
	}

	private String businessKeyOf(String link) {
		return links.read(link.substring(AcknowledgementController.PATH.length()))
			.map(read -> runtime.createProcessInstanceQuery().processInstanceId(read.processInstanceId()).singleResult())
			.map(instance -> instance.getBusinessKey())
			.orElseThrow();
	}

	private static String text(Object content) throws Exception {
		if (content instanceof Multipart multipart) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				all.append(text(part.getContent()));
			}
			return all.toString();
		}
		return content.toString();
	}

	/** Any page with a form gives a session and its CSRF token, as a page opened earlier in the browser would. */
	private ResponseEntity<String> signInPage() {
		return anonymous(HttpMethod.GET, "/login", null, null);
	}

	/** Posts the confirmation form of {@code page} (its CSRF token and session) to {@code link}. */
	private ResponseEntity<String> confirm(String link, ResponseEntity<String> page, String note) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		Matcher csrf = CSRF.matcher(String.valueOf(page.getBody()));
		if (csrf.find()) {
			form.add("_csrf", csrf.group(1));
		}
		else {
			throw new AssertionError("no confirmation form to take a CSRF token from: " + page.getBody());
		}
		if (note != null) {
			form.add("note", note);
		}
		String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
		return anonymous(HttpMethod.POST, link, form, cookie == null ? null : cookie.split(";", 2)[0]);
	}

	private ResponseEntity<String> anonymous(HttpMethod method, String path, MultiValueMap<String, String> form,
			String cookie) {
		HttpHeaders headers = new HttpHeaders();
		if (form != null) {
			headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		}
		if (cookie != null) {
			headers.add(HttpHeaders.COOKIE, cookie);
		}
		return rest.exchange(path, method, new HttpEntity<>(form, headers), String.class);
	}
}
