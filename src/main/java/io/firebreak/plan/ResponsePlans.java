package io.firebreak.plan;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The response plans deployed now, latest version of each, for other features and for the models: a
 * process iterates them with {@code ${responsePlans.keys()}} (the plan review's multi-instance
 * collection). Read from the catalog, which knows what a response plan is.
 */
@Component
public class ResponsePlans {

	private final PlanCatalog catalog;

	ResponsePlans(PlanCatalog catalog) {
		this.catalog = catalog;
	}

	/** Every response plan's latest version, by key. */
	public List<ResponsePlan> latest() {
		return catalog.responsePlans();
	}

	/** The keys of every response plan, sorted. */
	public List<String> keys() {
		return latest().stream().map(ResponsePlan::key).toList();
	}

	/** The latest version of response plan {@code key}; empty when no response plan has that key. */
	public Optional<ResponsePlan> latest(String key) {
		return latest().stream().filter(plan -> plan.key().equals(key)).findFirst();
	}
}
