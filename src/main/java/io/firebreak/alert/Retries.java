package io.firebreak.alert;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a delivery's transaction again when it lost a race it could not see coming: two nodes
 * creating one group, a lock wait that timed out, the engine's optimistic lock on an instance a
 * person was completing a task in (or its half-way view of that instance's execution tree, a
 * {@link PvmException}). Anything else fails at once.
 */
final class Retries {

	static final int ATTEMPTS = 5;

	private Retries() {
	}

	static <T> T onContention(Supplier<T> work, Runnable beforeRetry) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (RuntimeException e) {
				if (attempt >= ATTEMPTS || !lostARace(e)) {
					throw lostARace(e) ? new IntakeContended(e) : e;
				}
				beforeRetry.run();
				pause(attempt);
			}
		}
	}

	static boolean lostARace(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof PessimisticLockingFailureException || cause instanceof DuplicateKeyException
					|| cause instanceof OptimisticLockingException || cause instanceof PvmException) {
				return true;
			}
			// H2: 50200 lock timeout, 40001 deadlock; PostgreSQL: 40001 serialization, 40P01 deadlock, 23505 unique
			if (cause instanceof SQLException sql && (sql.getErrorCode() == 50200
					|| "40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())
					|| "23505".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(10, 20L << attempt));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to retry an alert delivery", e);
		}
	}
}
