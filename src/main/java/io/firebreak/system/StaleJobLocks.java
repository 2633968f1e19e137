package io.firebreak.system;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Releases, as this node starts and before its job executor does, the jobs this node had locked
 * when it stopped. A killed node leaves its locks behind; nobody else may run those jobs until
 * the locks expire, but the node itself knows that their runner is dead. So a page that was
 * being sent at a {@code kill -9} goes out within seconds of the restart, not after the lock time.
 * A job that was running keeps its state of before the crash (its transaction never committed):
 * it simply runs again, and the notification it sends finds whether it was already delivered.
 */
@Component
class StaleJobLocks implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(StaleJobLocks.class);

	private final ClusterNode node;
	private final ManagementService management;
	private final JdbcClient jdbc;

	StaleJobLocks(ClusterNode node, ManagementService management, JdbcClient jdbc) {
		this.node = node;
		this.management = management;
		this.jdbc = jdbc;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Camunda has no API to unlock a job; the revision bump makes any stale copy of one fail
		// its optimistic lock rather than overwrite the release.
		int released = jdbc.sql("update " + management.getTableName(JobEntity.class)
				+ " set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1 where LOCK_OWNER_ = ?")
			.param(node.id())
			.update();
		if (released > 0) {
			log.warn("Node {} restarted: released {} job(s) it had locked before it stopped; they run now", node.id(),
					released);
		}
	}
}
