package io.firebreak.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a notification once. The record of each attempt commits on its own, before the
 * engine's job transaction decides anything: a failed attempt stays visible (outbox, incident
 * page, dashboard) while the job is retried, and a job retried after a delivery that went
 * through finds it sent and does not send again.
 */
@Service
public class Notifier {

	private final NotificationRepository notifications;
	private final Map<Channel, NotificationChannel> channels;
	private final MailTemplates templates;
	private final TransactionTemplate ownTransaction;
	private final Clock clock;
	private final String mailDomain;

	Notifier(NotificationRepository notifications, List<NotificationChannel> channels, MailTemplates templates,
			PlatformTransactionManager transactions, Clock clock,
			@Value("${firebreak.mail.message-id-domain}") String mailDomain) {
		this.notifications = notifications;
		this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::channel, Function.identity()));
		this.templates = templates;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.mailDomain = mailDomain;
	}

	public Notification send(NotificationRequest request) {
		Notification notification = ownTransaction.execute(status -> notifications.findByKey(request.key())
			.orElseGet(() -> notifications.insert(render(request))));
		if (notification.status().delivered()) {
			return notification;
		}
		NotificationChannel channel = channels.get(notification.channel());
		try {
			NotificationStatus outcome = channel.deliver(notification);
			record(notification, outcome, null);
		}
		catch (DeliveryFailure failure) {
			record(notification, NotificationStatus.FAILED, failure.getMessage());
			throw failure;
		}
		return notifications.find(notification.id()).orElseThrow();
	}

	private void record(Notification notification, NotificationStatus outcome, String error) {
		ownTransaction.executeWithoutResult(
				status -> notifications.recordAttempt(notification.id(), outcome, error, clock.instant()));
	}

	private Notification render(NotificationRequest request) {
		MailTemplates.Rendered rendered = templates.render(request.kind(), request.model());
		String messageId = "<" + request.key().replaceAll("[^A-Za-z0-9.-]", ".") + "@" + mailDomain + ">";
		String threadRoot = request.incidentKey() == null ? null
				: notifications.threadRoot(request.incidentKey()).orElse(null);
		return new Notification(null, request.key(), request.incidentKey(), request.kind(), request.channel(),
				String.join(", ", request.recipients()), request.subject(), rendered.text(), rendered.html(),
				request.channel() == Channel.EMAIL ? messageId : null, threadRoot, request.drill(),
				NotificationStatus.PENDING, 0, null, clock.instant(), null);
	}
}
