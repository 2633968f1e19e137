package io.firebreak.notification;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Hands notices to the {@value #PROCESS} process, one instance per delivery, so that a notice
 * never holds the plan that sent it: each delivery is a job of its own, retried on its own, and
 * one that keeps failing is an incident in Cockpit (and shows as failed on the incident page)
 * while the response moves on. Pages do not come this way: the paging step waits for its page.
 */
@Component
public class NotificationDeliveries {

	static final String PROCESS = "notification-delivery";
	static final String NOTIFICATION_KEY = "notificationKey";

	private final Notifier notifier;
	private final RuntimeService runtime;
	private final RestrictedNotices restricted;

	NotificationDeliveries(Notifier notifier, RuntimeService runtime, RestrictedNotices restricted) {
		this.notifier = notifier;
		this.runtime = runtime;
		this.restricted = restricted;
	}

	/**
	 * Records each notice and starts its delivery, unless it went out or is on its way already. A
	 * notice about a security incident goes whole to the security team and redacted to the rest.
	 */
	public void queueEach(List<NotificationRequest> requests) {
		for (NotificationRequest request : requests.stream().flatMap(asked -> restricted.split(asked).stream()).toList()) {
			Notification queued = notifier.queue(request);
			if (!queued.status().delivered() && !onItsWay(queued.key())) {
				start(queued);
			}
		}
	}

	// by the business key, which is indexed (a delivery's variable was a scan of every variable)
	private boolean onItsWay(String key) {
		return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(key)
			.count() > 0;
	}

	private Object startDelivery(Notification queued) {
		// the notification's key as business key: it starts with the incident's key, so Cockpit finds an
		// incident's deliveries, while "the instance with the incident's key" stays the plan's alone
		return runtime.startProcessInstanceByKey(PROCESS, queued.key(), Map.of(NOTIFICATION_KEY, queued.key()));
	}

	// Firebreak's own process: whoever's step sends the notice needs no permission to start it.
	private void start(Notification queued) {
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			startDelivery(queued);
		}
		else {
			command.runWithoutAuthorization(() -> startDelivery(queued));
		}
	}
}
