package io.firebreak.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The one step of the notification-delivery process: sends the queued notice its instance carries. */
@Component
public class DeliverNotificationDelegate implements JavaDelegate {

	private final Notifier notifier;

	DeliverNotificationDelegate(Notifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		notifier.deliver((String) execution.getVariable(NotificationDeliveries.NOTIFICATION_KEY));
	}
}
