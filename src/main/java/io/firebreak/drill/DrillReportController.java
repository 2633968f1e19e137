package io.firebreak.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import io.firebreak.security.NeedToKnow;
import io.firebreak.system.NotFound;

/**
 * Drill scorecards: {@code /reports/drills} (the latest drills, each its targets against the
 * actual times and who took part), {@code /reports/drills/{key}} for one, and both as JSON. Who may
 * read them is io.firebreak.system.SecurityConfiguration's to say (the report readers); a drill of a
 * security incident only those who may see the incident ({@link NeedToKnow}).
 */
@Controller
class DrillReportController {

	static final int LATEST = 100;

	/** A card for tools: durations in seconds, results in lower case. */
	record ScorecardView(String incidentKey, String scenario, String scenarioTitle, String plan, String startedBy,
			Instant startedAt, Instant scoredAt, String incidentStatus, String severity, String score, long targetsMet,
			List<StepView> steps, List<DrillScorecard.Participant> participants, int injectsPlanned,
			int injectsDelivered) {

		static ScorecardView of(DrillScorecard card) {
			Drill drill = card.drill();
			return new ScorecardView(drill.incidentKey(), drill.scenarioId(), drill.scenarioTitle(), drill.planKey(),
					drill.startedBy(), drill.startedAt(), drill.scoredAt(), card.incidentStatus(), card.severity(),
					card.score(), card.met(), card.steps().stream().map(StepView::of).toList(), card.participants(),
					drill.injectsPlanned(), drill.injectsDelivered());
		}
	}

	record StepView(String step, long targetSeconds, Long actualSeconds, Long marginSeconds, String result) {

		static StepView of(DrillScorecard.Step step) {
			return new StepView(step.name(), step.target().toSeconds(), seconds(step.actual()), seconds(step.margin()),
					step.result().name().toLowerCase());
		}

		private static Long seconds(Duration duration) {
			return duration == null ? null : duration.toSeconds();
		}
	}

	private final DrillScorecards scorecards;
	private final NeedToKnow needToKnow;

	DrillReportController(DrillScorecards scorecards, NeedToKnow needToKnow) {
		this.scorecards = scorecards;
		this.needToKnow = needToKnow;
	}

	@GetMapping("/reports/drills")
	String page(Model model, Authentication signedIn) {
		model.addAttribute("cards", recent(signedIn));
		return "drill/drills";
	}

	@GetMapping(path = "/reports/drills.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<ScorecardView> json(Authentication signedIn) {
		return recent(signedIn).stream().map(ScorecardView::of).toList();
	}

	@GetMapping("/reports/drills/{key}")
	String one(@PathVariable String key, Model model, Authentication signedIn) {
		model.addAttribute("cards", List.of(card(key, signedIn)));
		return "drill/drills";
	}

	@GetMapping(path = "/reports/drills/{key}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ScorecardView oneJson(@PathVariable String key, Authentication signedIn) {
		return ScorecardView.of(card(key, signedIn));
	}

	private List<DrillScorecard> recent(Authentication signedIn) {
		return needToKnow.only(scorecards.recent(LATEST), card -> card.drill().incidentKey(), signedIn);
	}

	private DrillScorecard card(String key, Authentication signedIn) {
		return scorecards.of(key)
			.filter(card -> !needToKnow.hides(card.drill().incidentKey(), signedIn))
			.orElseThrow(() -> new NotFound("no drill " + key));
	}
}
