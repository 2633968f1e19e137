package io.firebreak.plan;

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
 * The plan catalog: every deployed plan with its versions, a plan's history with what changed
 * between versions, and the BPMN of a version for the diagram (bpmn-js in the browser).
 */
@Controller
class PlanCatalogController {

	private final PlanCatalog catalog;

	PlanCatalogController(PlanCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/plans")
	String catalog(Model model) {
		model.addAttribute("plans", catalog.plans());
		return "plan/catalog";
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
