package io.firebreak.plan;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The plan catalog: every deployed plan with its versions and its reviews, a plan's history with
 * what changed between versions, and the BPMN of a version for the diagram (bpmn-js in the browser).
 */
@Controller
class PlanCatalogController {

	private final PlanCatalog catalog;
	private final ObjectProvider<PlanReviewStatus> reviews;
	private final Clock clock;

	PlanCatalogController(PlanCatalog catalog, ObjectProvider<PlanReviewStatus> reviews, Clock clock) {
		this.catalog = catalog;
		this.reviews = reviews;
		this.clock = clock;
	}

	@GetMapping("/plans")
	String catalog(Model model) {
		model.addAttribute("plans", catalog.plans());
		addReviews(model);
		return "plan/catalog";
	}

	/** Each plan's last review and its open one, and when the next review cycle starts (io.firebreak.planreview). */
	private void addReviews(Model model) {
		model.addAttribute("responsePlans",
				catalog.responsePlans().stream().map(ResponsePlan::key).collect(Collectors.toSet()));
		PlanReviewStatus status = reviews.getIfAvailable();
		model.addAttribute("reviews", status == null ? Map.of() : status.byPlan(clock.instant()));
		model.addAttribute("nextReviewCycle", status == null ? null : status.nextCycle().orElse(null));
	}

	@GetMapping("/plans/{key}")
	String plan(@PathVariable String key, @RequestParam(required = false) Integer version, Model model) {
		PlanHistory history = catalog.history(key);
		PlanHistory.Entry shown = version == null ? history.entries().get(0)
				: history.entries().stream()
					.filter(entry -> entry.version().version() == version)
					.findFirst()
					.orElseThrow(() -> new PlanNotFound(key, version));
		model.addAttribute("history", history);
		model.addAttribute("shown", shown);
		addReviews(model);
		model.addAttribute("addedIds", shown.changes() == null ? "" : String.join(" ", shown.changes().addedIds()));
		model.addAttribute("changedIds", shown.changes() == null ? "" : String.join(" ", shown.changes().changedIds()));
		return "plan/plan";
	}

	@GetMapping("/plans/{key}/versions/{version}.bpmn")
	ResponseEntity<byte[]> bpmn(@PathVariable String key, @PathVariable int version) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(key + "-v" + version + ".bpmn").build().toString())
			.body(catalog.bpmn(key, version));
	}
}
