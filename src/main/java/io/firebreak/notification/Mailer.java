package io.firebreak.notification;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends mail through {@link JavaMailSender} when an SMTP host is configured, and records every
 * mail in the outbox either way; without SMTP the outbox is where mail is read. A send failure
 * is thrown, so the async job that called it is retried by the engine.
 */
@Service
public class Mailer {

	private final ObjectProvider<JavaMailSender> sender;
	private final Outbox outbox;
	private final Clock clock;
	private final String from;

	Mailer(ObjectProvider<JavaMailSender> sender, Outbox outbox, Clock clock,
			@Value("${firebreak.mail.from}") String from) {
		this.sender = sender;
		this.outbox = outbox;
		this.clock = clock;
		this.from = from;
	}

	public void send(OutgoingMail mail) {
		JavaMailSender smtp = sender.getIfAvailable();
		if (smtp == null) {
			outbox.record(mail, OutboxMessage.Status.CAPTURED, clock.instant());
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(mail.recipients().toArray(String[]::new));
		message.setSubject(mail.subject());
		message.setText(mail.text());
		smtp.send(message);
		outbox.record(mail, OutboxMessage.Status.SENT, clock.instant());
	}
}
