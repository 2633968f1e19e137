package io.firebreak.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.firebreak.system.ClusterNode;

/**
 * As this node starts, and before its job executor does, the sends it had claimed when it stopped
 * are released, so that their jobs (released too, by the node's stale job locks) deliver them at
 * once instead of finding them claimed by a sender that is dead.
 */
@Component
class InterruptedDeliveries implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(InterruptedDeliveries.class);

	private final NotificationRepository notifications;
	private final ClusterNode node;

	InterruptedDeliveries(NotificationRepository notifications, ClusterNode node) {
		this.notifications = notifications;
		this.node = node;
	}

	@Override
	public void afterSingletonsInstantiated() {
		int released = notifications.releaseClaimsOf(node.id());
		if (released > 0) {
			log.warn("Node {} restarted: {} notification(s) were being sent when it stopped; sending them again",
					node.id(), released);
		}
	}
}
