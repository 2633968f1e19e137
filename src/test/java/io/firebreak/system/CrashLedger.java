package io.firebreak.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What Firebreak answered before it was killed: these must all be there after the restart. */
final class CrashLedger {

	private final List<String> answeredKeys = Collections.synchronizedList(new ArrayList<>());
	private final Set<String> completedTasks = Collections.synchronizedSet(new LinkedHashSet<>());
	private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());

	/** A declaration answered 201, or an alert answered 202 that declared. */
	void answered(String key) {
		answeredKeys.add(key);
	}

	/** A task completion answered 204. */
	void completed(String taskId) {
		completedTasks.add(taskId);
	}

	/** An answer that was neither done nor a dropped connection: there should be none. */
	void refused(String what) {
		refusals.add(what);
	}

	List<String> refusals() {
		synchronized (refusals) {
			return List.copyOf(refusals);
		}
	}

	List<String> answeredKeys() {
		synchronized (answeredKeys) {
			return List.copyOf(answeredKeys);
		}
	}

	Set<String> incidents() {
		return new LinkedHashSet<>(answeredKeys());
	}

	Set<String> completedTasks() {
		synchronized (completedTasks) {
			return Set.copyOf(completedTasks);
		}
	}
}
