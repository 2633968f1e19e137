package io.firebreak.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.firebreak.incident.Severity;
import io.firebreak.system.ApiError;
import io.firebreak.system.HtmlSafeJsonEscapes;
import io.firebreak.system.InvalidInput;

/**
 * MTTA, time to contain, time to mitigate and MTTR by severity, service and month, with the
 * postmortem completion rate and the overdue action items: {@code /reports} for people (tables and
 * charts), {@code /reports.json} and {@code /reports.csv} for tools, all from one {@link Report}.
 * Each takes {@code from} and {@code to} (yyyy-mm-dd, UTC, inclusive), {@code service} and
 * {@code severity}; who may read them is io.firebreak.system.SecurityConfiguration's to say.
 */
@Controller
class ReportController {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Reports reports;
	private final ObjectWriter pageJson;

	ReportController(Reports reports, ObjectMapper mapper) {
		this.reports = reports;
		// the figures go into the page inside <script type="application/json">: no markup may end it
		this.pageJson = mapper.writer().with(new HtmlSafeJsonEscapes());
	}

	@GetMapping("/reports")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String service, @RequestParam(required = false) String severity,
			Model model, Authentication signedIn) throws JsonProcessingException {
		Report report = reports.report(reports.filter(from, to, service, severity), signedIn);
		model.addAttribute("report", report);
		model.addAttribute("figures", pageJson.writeValueAsString(report));
		model.addAttribute("measures", Arrays.asList(Measure.values()));
		model.addAttribute("services", reports.services());
		model.addAttribute("severities", Arrays.asList(Severity.values()));
		return "report/reports";
	}

	@GetMapping(path = "/reports.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Report> json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String service, @RequestParam(required = false) String severity,
			Authentication signedIn) {
		return ResponseEntity.ok(reports.report(reports.filter(from, to, service, severity), signedIn));
	}

	@GetMapping("/reports.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String service, @RequestParam(required = false) String severity,
			Authentication signedIn) {
		Report report = reports.report(reports.filter(from, to, service, severity), signedIn);
		String name = "firebreak-report-%s-%s.csv".formatted(report.from(), report.to());
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(ReportCsv.write(report));
	}

	// Firebreak's contract for bad input anywhere: a 4xx with {"error", "detail"}, pages included
	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ApiError> invalid(InvalidInput e) {
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
			.body(new ApiError("invalid " + e.field(), e.getMessage()));
	}
}
