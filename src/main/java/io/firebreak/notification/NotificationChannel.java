package io.firebreak.notification;

/** Delivers one notification over one channel; delegates never talk to SMTP or HTTP themselves. */
public interface NotificationChannel {

	Channel channel();

	/**
	 * @return {@link NotificationStatus#SENT}, or {@link NotificationStatus#CAPTURED} when the
	 * channel only records (mail without an SMTP server)
	 * @throws DeliveryFailure when the notification did not go through
	 */
	NotificationStatus deliver(Notification notification);
}
