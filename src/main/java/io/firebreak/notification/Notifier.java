package io.firebreak.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.system.ClusterNode;

/**
 * Sends a notification once. The record of each attempt commits on its own, before the
 * engine's job transaction decides anything: a failed attempt stays visible (outbox, incident
 * page, dashboard) while the job is retried, and a job retried after a delivery that went
 * through finds it sent and does not send again. While it is handed to its server the
 * notification is claimed for as long as the sending job's lock lasts, so a job that runs twice
 * at once (on two nodes, after its lock expired) sends it only once.
 */
@Service
public class Notifier {

	private final NotificationRepository notifications;
	private final Map<Channel, NotificationChannel> channels;
	private final MailTemplates templates;
	private final RestrictedNotices restricted;
	private final TransactionTemplate ownTransaction;
	private final Clock clock;
	private final String mailDomain;
	private final ClusterNode node;
	private final Duration jobLockTime;

	Notifier(NotificationRepository notifications, List<NotificationChannel> channels, MailTemplates templates,
			RestrictedNotices restricted, PlatformTransactionManager transactions, Clock clock,
			@Value("${firebreak.mail.message-id-domain}") String mailDomain, ClusterNode node,
			@Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long jobLockMillis) {
		this.notifications = notifications;
		this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::channel, Function.identity()));
		this.templates = templates;
		this.restricted = restricted;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.mailDomain = mailDomain;
		this.node = node;
		this.jobLockTime = Duration.ofMillis(jobLockMillis);
	}

	public Notification send(NotificationRequest request) {
		Instant until = claimUntil();
		return deliverClaimed(ownTransaction.execute(status -> claim(findOrRecord(request), until)));
	}

	/**
	 * Renders and records the notification (once: a request whose key is known finds the earlier
	 * record), to be delivered later by {@link #deliver(String)}.
	 */
	public Notification queue(NotificationRequest request) {
		return ownTransaction.execute(status -> findOrRecord(request));
	}

	/** Delivers a queued notification, unless it went out already or another sender holds it. */
	public Notification deliver(String key) {
		Instant until = claimUntil();
		return deliverClaimed(ownTransaction.execute(status -> claim(notifications.findByKey(key)
			.orElseThrow(() -> new IllegalStateException("No notification " + key + " was queued")), until)));
	}

	private Notification deliverClaimed(Claim claim) {
		Notification notification = claim.notification();
		if (notification.status().delivered()) {
			return notification;
		}
		if (claim.heldBy() != null) {
			throw new DeliveryFailure("Not sent now: " + notification.key() + " is being sent by node " + claim.heldBy()
					+ "; will check again", false, null);
		}
		NotificationChannel channel = channels.get(notification.channel());
		NotificationStatus outcome;
		try {
			outcome = channel.deliver(notification);
		}
		catch (DeliveryFailure failure) {
			record(notification, NotificationStatus.FAILED, failure.getMessage());
			throw failure;
		}
		catch (RuntimeException unexpected) {
			record(notification, NotificationStatus.FAILED, "Failed: " + unexpected);
			throw unexpected;
		}
		// Once the server has it, a failure to write that down is no failed delivery: the
		// notification stays claimed, so the job's retry does not send it again while the claim holds.
		record(notification, outcome, null);
		return notifications.find(notification.id()).orElseThrow();
	}

	/** The notification, and the node sending it now when that is not this sender. */
	private record Claim(Notification notification, String heldBy) {
	}

	private Notification findOrRecord(NotificationRequest request) {
		return notifications.findByKey(request.key()).orElseGet(() -> notifications.insert(render(request)));
	}

	// One transaction (one commit, on the path of every page) finds the notification or records it
	// on its first send, and claims it unless it went out already or another sender holds it.
	private Claim claim(Notification notification, Instant until) {
		if (notification.status().delivered()
				|| notifications.claim(notification.id(), node.id(), until, clock.instant())) {
			return new Claim(notification, null);
		}
		Notification current = notifications.find(notification.id()).orElseThrow();
		return new Claim(current,
				current.status().delivered() ? null : notifications.claimHolder(current.id()).orElse("?"));
	}

	// The claim lasts as long as the lock of the job that sends: once that lock expires, another
	// node may run the job, and then it must be able to send if this sender died.
	private Instant claimUntil() {
		JobExecutorContext job = Context.getJobExecutorContext();
		Date lockExpires = job == null || job.getCurrentJob() == null ? null
				: job.getCurrentJob().getLockExpirationTime();
		return lockExpires != null ? lockExpires.toInstant() : clock.instant().plus(jobLockTime);
	}

	private void record(Notification notification, NotificationStatus outcome, String error) {
		ownTransaction.executeWithoutResult(
				status -> notifications.recordAttempt(notification.id(), outcome, error, clock.instant()));
	}

	private Notification render(NotificationRequest asked) {
		NotificationRequest request = restricted.forRecipients(asked);
		MailTemplates.Rendered rendered = restricted.isRedacted(request)
				? templates.render(RestrictedNotices.TEMPLATE, request.model())
				: templates.render(request.kind(), request.model());
		String messageId = "<" + request.key().replaceAll("[^A-Za-z0-9.-]", ".") + "@" + mailDomain + ">";
		// customers' mail does not join the responders' thread: they never saw its first mail
		String threadRoot = request.incidentKey() == null || request.kind() == NotificationKind.CUSTOMER_UPDATE ? null
				: notifications.threadRoot(request.incidentKey()).orElse(null);
		return new Notification(null, request.key(), request.incidentKey(), request.kind(), request.channel(),
				String.join(", ", request.recipients()), request.subject(), rendered.text(), rendered.html(),
				request.channel() == Channel.EMAIL ? messageId : null, threadRoot, request.drill(),
				NotificationStatus.PENDING, 0, null, clock.instant(), null,
				request.channel() == Channel.EMAIL ? request.calendar() : null);
	}
}
