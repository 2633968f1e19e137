package io.firebreak.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.firebreak.audit.AuditTrail.IncidentTrail;
import io.firebreak.roster.Roster;
import io.firebreak.security.NeedToKnow;
import io.firebreak.system.ApiError;
import io.firebreak.system.InvalidInput;
import io.firebreak.system.NotFound;

/**
 * The auditors' pages: an incident's trail (also as JSON and CSV), the search over a period with
 * its exports, and the verification of every timeline's hash chain. Read-only, like the role. A
 * commander reads here only what they may see of security incidents ({@link NeedToKnow}).
 */
@Controller
class AuditController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
	/** The search page lists this many lines; the exports have them all. */
	static final int LINES_ON_PAGE = 500;

	private final AuditTrail trails;
	private final AuditSearch search;
	private final TimelineVerification verification;
	private final Roster roster;
	private final Clock clock;
	private final NeedToKnow needToKnow;

	AuditController(AuditTrail trails, AuditSearch search, TimelineVerification verification, Roster roster,
			Clock clock, NeedToKnow needToKnow) {
		this.trails = trails;
		this.needToKnow = needToKnow;
		this.search = search;
		this.verification = verification;
		this.roster = roster;
		this.clock = clock;
	}

	@GetMapping("/audit/incidents/{key}")
	String trail(@PathVariable String key, @RequestParam(required = false) String source, Model model,
			Authentication signedIn) {
		model.addAttribute("trail", trails.of(key, signedIn).only(AuditEntry.Source.parse("source", source)));
		model.addAttribute("sources", AuditEntry.Source.values());
		model.addAttribute("chosen", source == null ? "" : source);
		return "audit/trail";
	}

	@GetMapping("/audit/incidents/{key}.json")
	@ResponseBody
	Map<String, Object> trailJson(@PathVariable String key, @RequestParam(required = false) String source,
			Authentication signedIn) {
		IncidentTrail trail = trails.of(key, signedIn).only(AuditEntry.Source.parse("source", source));
		var incident = trail.incident();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("key", incident.key().value());
		summary.put("title", incident.title());
		summary.put("service", incident.service());
		summary.put("severity", incident.severity());
		summary.put("status", incident.status());
		summary.put("drill", incident.drill());
		return Map.of("incident", summary, "entries", trail.entries());
	}

	@GetMapping("/audit/incidents/{key}.csv")
	ResponseEntity<String> trailCsv(@PathVariable String key, @RequestParam(required = false) String source,
			Authentication signedIn) {
		return csv(key + "-audit.csv",
				trails.of(key, signedIn).only(AuditEntry.Source.parse("source", source)).entries());
	}

	@GetMapping("/audit")
	String search(@RequestParam(required = false) String month, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String service,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String person, Model model, Authentication signedIn) {
		AuditQuery query = query(month, from, to, service, severity, plan, person);
		List<AuditEntry> lines = search(query, signedIn);
		model.addAttribute("query", query);
		model.addAttribute("lines", lines.subList(0, Math.min(lines.size(), LINES_ON_PAGE)));
		model.addAttribute("total", lines.size());
		model.addAttribute("services", roster.services());
		return "audit/search";
	}

	@GetMapping("/audit/events.json")
	@ResponseBody
	Map<String, Object> searchJson(@RequestParam(required = false) String month,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String service, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String plan, @RequestParam(required = false) String person,
			Authentication signedIn) {
		AuditQuery query = query(month, from, to, service, severity, plan, person);
		List<AuditEntry> lines = search(query, signedIn);
		return Map.of("query", query, "count", lines.size(), "entries", lines);
	}

	@GetMapping("/audit/events.csv")
	ResponseEntity<String> searchCsv(@RequestParam(required = false) String month,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String service, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String plan, @RequestParam(required = false) String person,
			Authentication signedIn) {
		AuditQuery query = query(month, from, to, service, severity, plan, person);
		return csv("audit-%s-to-%s.csv".formatted(query.from(), query.to()), search(query, signedIn));
	}

	@GetMapping("/audit/verify")
	String verify(Model model, Authentication signedIn) {
		model.addAttribute("report", verify(signedIn));
		return "audit/verify";
	}

	@GetMapping("/audit/verify.json")
	@ResponseBody
	TimelineVerification.Report verifyJson(Authentication signedIn) {
		return verify(signedIn);
	}

	// Firebreak's contract for bad input anywhere: a 4xx with {"error", "detail"}, pages included
	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ApiError> invalid(InvalidInput e) {
		return ResponseEntity.badRequest().body(new ApiError("invalid " + e.field(), e.getMessage()));
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ApiError> notFound(NotFound e) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("not found", e.getMessage()));
	}

	private List<AuditEntry> search(AuditQuery query, Authentication signedIn) {
		return needToKnow.only(search.search(query), AuditEntry::incident, signedIn);
	}

	/** Every chain is checked; only the links and heads of incidents the reader may see are named. */
	private TimelineVerification.Report verify(Authentication signedIn) {
		TimelineVerification.Report report = verification.verify();
		return report.within(needToKnow.clearance(signedIn));
	}

	private AuditQuery query(String month, String from, String to, String service, String severity, String plan,
			String person) {
		return AuditQuery.of(month, from, to, service, severity, plan, person, roster,
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	private static ResponseEntity<String> csv(String name, List<AuditEntry> entries) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(AuditCsv.of(entries));
	}
}
