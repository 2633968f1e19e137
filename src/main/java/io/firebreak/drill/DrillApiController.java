package io.firebreak.drill;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.system.InvalidInput;

/**
 * {@code POST /api/drills {"scenario": "..."}} starts a drill; {@code GET /api/drills/scenarios}
 * lists what can be drilled.
 */
@RestController
@RequestMapping("/api/drills")
class DrillApiController {

	record StartRequest(String scenario) {
	}

	record ScenarioView(String id, String title, String plan, String service, int injects, DrillScenario.Targets targets,
			boolean scheduled) {
	}

	private final Drills drills;
	private final DrillScenarios scenarios;

	DrillApiController(Drills drills, DrillScenarios scenarios) {
		this.drills = drills;
		this.scenarios = scenarios;
	}

	@PostMapping
	ResponseEntity<Drills.Started> start(@RequestBody(required = false) StartRequest request) {
		if (request == null) {
			throw new InvalidInput("body", "send a JSON object with scenario, one of "
					+ String.join(", ", scenarios.all().stream().map(DrillScenario::id).toList()));
		}
		Drills.Started started = drills.start(request.scenario());
		return ResponseEntity.created(URI.create("/reports/drills/" + started.incidentKey())).body(started);
	}

	@GetMapping("/scenarios")
	List<ScenarioView> scenarios() {
		return scenarios.all().stream()
			.map(s -> new ScenarioView(s.id(), s.title(), s.plan(), s.service(), s.injects().size(), s.targets(),
					s.scheduled()))
			.toList();
	}
}
