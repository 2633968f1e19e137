package io.firebreak.planreview;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.plan.ResponsePlans;
import io.firebreak.roster.RosterGroup;
import io.firebreak.system.Forbidden;

/**
 * {@code POST /api/plan-reviews}: starts a review cycle now, as Tasklist's start button and
 * /engine-rest's process-definition/key/plan-review/start do: one review task per response plan.
 * Started as the signed-in person, so Cockpit's history shows who asked for it.
 */
@RestController
class PlanReviewController {

	/** Who may ask for a review cycle: those who write plans, run incidents on them, or run Firebreak. */
	static final Set<String> STARTERS = Set.of(RosterGroup.PLAN_AUTHORS.id(), RosterGroup.INCIDENT_COMMANDERS.id(),
			RosterGroup.FIREBREAK_ADMINS.id());

	private final RuntimeService runtime;
	private final ResponsePlans plans;

	PlanReviewController(RuntimeService runtime, ResponsePlans plans) {
		this.runtime = runtime;
		this.plans = plans;
	}

	@PostMapping("/api/plan-reviews")
	ResponseEntity<Map<String, Object>> start(Authentication signedIn) {
		List<String> groups = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		if (groups.stream().noneMatch(STARTERS::contains)) {
			throw new Forbidden("Plan authors, incident commanders and admins start plan reviews");
		}
		List<String> reviewed = plans.keys();
		// as the signed-in person: io.firebreak.system.CamundaAuthenticationFilter runs the request as them
		ProcessInstance cycle = runtime.startProcessInstanceByKey(PlanReviews.PROCESS);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("processInstanceId", cycle.getId());
		body.put("plans", reviewed);
		body.put("tasklist", "/camunda/app/tasklist/default/");
		return ResponseEntity.created(URI.create("/plans")).body(body);
	}
}
