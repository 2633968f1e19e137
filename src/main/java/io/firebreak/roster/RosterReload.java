package io.firebreak.roster;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts an edited roster in force without a restart: reads the files again, lets every feature
 * check the new roster ({@link RosterCheck}), syncs Camunda's identity to it in one transaction
 * (Camunda's Spring engine joins it, so a sync that fails halfway leaves nothing changed), and only
 * after that transaction committed swaps the roster. Until then, and whenever anything fails, the
 * previous roster stays in force.
 */
@Service
class RosterReload {

	private static final Logger log = LoggerFactory.getLogger(RosterReload.class);

	record Reloaded(int people, int teams, int services, List<String> removed) {
	}

	private final Roster roster;
	private final RosterFiles files;
	private final RosterIdentitySync sync;
	private final List<RosterCheck> checks;
	private final TransactionTemplate transaction;

	RosterReload(Roster roster, RosterFiles files, RosterIdentitySync sync, List<RosterCheck> checks,
			PlatformTransactionManager transactions) {
		this.roster = roster;
		this.files = files;
		this.sync = sync;
		this.checks = checks;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** @throws RosterUnreadable naming every problem, with the roster in force unchanged */
	synchronized Reloaded reload() {
		Roster newer = files.read();
		List<String> problems = new ArrayList<>();
		checks.forEach(check -> problems.addAll(check.problems(newer)));
		if (!problems.isEmpty()) {
			throw new RosterUnreadable("The roster has mistakes:\n  " + String.join("\n  ", problems));
		}
		List<String> removed = transaction.execute(status -> sync.sync(newer));
		roster.replaceWith(newer);
		log.info("Roster reloaded: {} people, {} teams, {} services", newer.people().size(), newer.teams().size(),
				newer.services().size());
		return new Reloaded(newer.people().size(), newer.teams().size(), newer.services().size(), removed);
	}
}
