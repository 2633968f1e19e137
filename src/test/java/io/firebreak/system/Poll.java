package io.firebreak.system;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Waits for something to come true, looking every 50 ms, and fails with what it waited for at the deadline. */
public final class Poll {

	private Poll() {
	}

	/** The first value {@code probe} finds within {@code within}. */
	public static <T> T until(String what, Duration within, Callable<Optional<T>> probe) throws Exception {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			Optional<T> found = probe.call();
			if (found.isPresent()) {
				return found.get();
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited " + within.toSeconds() + " s for " + what);
			}
			Thread.sleep(50);
		}
	}
}
