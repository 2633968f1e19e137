package io.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import biweekly.Biweekly;
import biweekly.ICalendar;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.notification.Channel;
import io.firebreak.notification.Notification;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationRequest;
import io.firebreak.notification.NotificationStatus;
import io.firebreak.notification.Notifier;
import io.firebreak.roster.Roster;
import io.firebreak.system.HttpClient;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The review invitation through a real SMTP server (GreenMail), as a calendar client receives it, and in the outbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.mail.host=127.0.0.1", "spring.mail.port=" + ReviewInvitationMailIntegrationTests.SMTP_PORT })
@ActiveProfiles({ "demo", "test" })
class ReviewInvitationMailIntegrationTests {

	static final int SMTP_PORT = 3931;

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@Autowired
	ProcessEngine engine;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	IncidentRepository incidents;

	@Autowired
	Roster roster;

	@Autowired
	ReviewInvitation invitation;

	@Autowired
	Notifier notifier;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ApplicationContext context;

	@Test
	void theInvitationArrivesAsAMeetingRequestWithItsIcsAttachedAndTheOutboxOffersIt() throws Exception {
		String key = new IncidentResponseDriver(engine, declarations, roster)
			.declare("Checkout errors", "checkout", "significant", "high", false).getBusinessKey();
		Incident incident = incidents.findByKey(key).orElseThrow();
		Instant start = Instant.parse("2026-12-01T14:00:00Z");
		List<String> participants = List.of("oncall", "comms");
		String ics = invitation.ics(key, incident.title(), start, Duration.ofHours(1), "ic", participants,
				invitation.postmortemUrl(key));

		Notification sent = notifier.send(new NotificationRequest(key + "/review-invitation", key,
				NotificationKind.REVIEW_INVITATION, Channel.EMAIL, invitation.recipients(participants),
				"Post-incident review: " + incident.headline(), false,
				invitation.model(incident, start, Duration.ofHours(1), "ic", participants)).withCalendar(ics));

		assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(sent.calendar()).as("kept with the notification").isEqualTo(ics);
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(smtp.getReceivedMessages()).as("one copy per participant").hasSize(2);
		List<Part> parts = leaves(mail.getContent(), new ArrayList<>());
		Part calendar = parts.stream().filter(p -> type(p).startsWith("text/calendar")).findFirst().orElseThrow();
		assertThat(type(calendar)).contains("method=REQUEST");
		ICalendar received = Biweekly.parse(body(calendar)).first();
		assertThat(received.getMethod().getValue()).isEqualTo("REQUEST");
		assertThat(received.getEvents().get(0).getUid().getValue()).isEqualTo(key + "-review@firebreak.example");
		assertThat(received.getEvents().get(0).getAttendees()).hasSize(2);

		Multipart alternatives = (Multipart) ((BodyPart) calendar).getParent();
		assertThat(alternatives.getContentType()).as("text, HTML and the meeting request are alternatives")
			.startsWith("multipart/alternative");
		assertThat(alternatives.getCount()).isEqualTo(3);
		assertThat(body(alternatives.getBodyPart(0))).contains("Tue 1 Dec 2026, 14:00–15:00 UTC", "Omar Oncall, Cora Comms",
				"http://localhost:8080/postmortems/" + key);
		assertThat(type(alternatives.getBodyPart(1))).startsWith("text/html");
		Part attached = parts.stream().filter(p -> "invite.ics".equals(fileName(p))).findFirst().orElseThrow();
		assertThat(type(attached)).startsWith("application/ics");
		assertThat(Biweekly.parse(body(attached)).first().getEvents()).hasSize(1);

		HttpClient http = new HttpClient(rest);
		ResponseEntity<String> download = http.get("admin", "/outbox/" + sent.id() + "/invite.ics");
		assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(download.getHeaders().getContentType().toString()).startsWith("text/calendar");
		assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("invite.ics");
		assertThat(download.getBody()).isEqualTo(ics);
		assertThat(http.get("admin", "/outbox/" + sent.id()).getBody()).contains("/outbox/" + sent.id() + "/invite.ics");
		assertThat(http.get("admin", "/outbox").getBody()).contains("with calendar invitation");
		assertThat(http.get("ic", "/outbox/" + sent.id() + "/invite.ics").getStatusCode())
			.as("as closed as the outbox").isEqualTo(HttpStatus.FORBIDDEN);

		Notification plain = notifier.send(new NotificationRequest(key + "/plain", key, NotificationKind.RESOLUTION,
				Channel.EMAIL, List.of("ic@firebreak.example"), "Resolved", false,
				java.util.Map.of("incident", incident, "baseUrl", "http://x", "resolutionSummary", "done")));
		assertThat(http.get("admin", "/outbox/" + plain.id() + "/invite.ics").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theReviewScheduleIsTheBeanThePlanNamesConfiguredFromTheApplicationsDefaults() {
		ReviewSchedule schedule = (ReviewSchedule) context.getBean("reviewSchedule");

		assertThat(schedule.length()).isEqualTo(Duration.ofHours(1));
		assertThat(schedule.deadlineAfter(Instant.parse("2026-11-27T10:00:00Z")).toInstant())
			.as("5 business days after a Friday").isEqualTo(Instant.parse("2026-12-04T23:59:59.999Z"));
	}

	private static List<Part> leaves(Object content, List<Part> found) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType("multipart/*")) {
					leaves(part.getContent(), found);
				}
				else {
					found.add(part);
				}
			}
		}
		return found;
	}

	private static String type(Part part) {
		try {
			return part.getContentType().replaceAll("\\s+", " ");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String fileName(Part part) {
		try {
			return part.getFileName();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String body(Part part) throws Exception {
		try (InputStream in = part.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
