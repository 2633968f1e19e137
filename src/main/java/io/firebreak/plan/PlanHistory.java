package io.firebreak.plan;

import java.util.List;

/** Every version of one plan, newest first, each with what changed from the version before it. */
record PlanHistory(String key, List<Entry> entries) {

	public PlanVersion latest() {
		return entries.get(0).version();
	}

	public List<PlanVersion> versions() {
		return entries.stream().map(Entry::version).toList();
	}

	/**
	 * {@code changes} from the version deployed before it ({@code previous}, usually one less, not
	 * when a deployment was deleted); both null for the first version: there is nothing to compare it with.
	 */
	record Entry(PlanVersion version, Integer previous, PlanDiff changes) {
	}
}
