package io.firebreak.notification;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Mail through {@link JavaMailSender}: HTML and plain text, a stable Message-ID, and
 * In-Reply-To/References to the incident's first mail so a mail client shows one thread per
 * incident; a calendar invitation as a meeting request. Without an SMTP host the mail is captured
 * in the outbox instead.
 */
@Component
class EmailChannel implements NotificationChannel {

	private static final Session SESSION = Session.getInstance(new Properties());
	static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";

	private final ObjectProvider<JavaMailSender> sender;
	private final String from;
	private final String smtpServer;

	EmailChannel(ObjectProvider<JavaMailSender> sender, @Value("${firebreak.mail.from}") String from,
			@Value("${spring.mail.host:}:${spring.mail.port:25}") String smtpServer) {
		this.sender = sender;
		this.from = from;
		this.smtpServer = smtpServer;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public NotificationStatus deliver(Notification notification) {
		JavaMailSender smtp = sender.getIfAvailable();
		if (smtp == null) {
			return NotificationStatus.CAPTURED;
		}
		try {
			smtp.send(mime(notification));
			return NotificationStatus.SENT;
		}
		catch (MailAuthenticationException e) {
			throw new DeliveryFailure("Mail to " + notification.recipients() + " failed: the SMTP server " + smtpServer
					+ " refused Firebreak's login; check spring.mail.username and spring.mail.password", false, e);
		}
		catch (MailException | MessagingException e) {
			throw new DeliveryFailure("Mail to " + notification.recipients() + " failed at SMTP server " + smtpServer + ": "
					+ rootMessage(e), false, e);
		}
	}

	private MimeMessage mime(Notification notification) throws MessagingException {
		MimeMessage message = new MimeMessage(SESSION) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", notification.messageId());
			}
		};
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(from);
		helper.setTo(notification.recipients().split(",\\s*"));
		helper.setSubject(notification.subject());
		if (notification.hasCalendar()) {
			withInvitation(helper, notification);
		}
		else {
			helper.setText(notification.text(), notification.html());
		}
		if (notification.inReplyTo() != null && !notification.inReplyTo().equals(notification.messageId())) {
			message.setHeader("In-Reply-To", notification.inReplyTo());
			message.setHeader("References", notification.inReplyTo());
		}
		if (notification.incidentKey() != null) {
			message.setHeader("X-Firebreak-Incident", notification.incidentKey());
		}
		if (notification.drill()) {
			message.setHeader("X-Firebreak-Drill", "true");
		}
		return message;
	}

	/**
	 * The invitation as calendar clients look for it: a text/calendar part with method=REQUEST as
	 * the last alternative beside text and HTML (Outlook and Gmail show Accept/Decline from it), and
	 * the same text attached as invite.ics for clients that only import attachments.
	 */
	private static void withInvitation(MimeMessageHelper helper, Notification notification) throws MessagingException {
		MimeMultipart alternatives = new MimeMultipart("alternative");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(notification.text(), "UTF-8");
		alternatives.addBodyPart(text);
		if (notification.html() != null) {
			MimeBodyPart html = new MimeBodyPart();
			html.setContent(notification.html(), "text/html;charset=UTF-8");
			alternatives.addBodyPart(html);
		}
		MimeBodyPart calendar = new MimeBodyPart();
		// a data source, not setContent: Jakarta Mail has no content handler for text/calendar
		calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(notification.calendar().getBytes(
				StandardCharsets.UTF_8), CALENDAR_TYPE)));
		// Outlook files the mail as a meeting request by this header
		calendar.setHeader("Content-Class", "urn:content-classes:calendarmessage");
		alternatives.addBodyPart(calendar);
		MimeBodyPart body = new MimeBodyPart();
		body.setContent(alternatives);
		helper.getMimeMultipart().addBodyPart(body);
		helper.addAttachment("invite.ics",
				new ByteArrayDataSource(notification.calendar().getBytes(StandardCharsets.UTF_8), "application/ics"));
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}
}
