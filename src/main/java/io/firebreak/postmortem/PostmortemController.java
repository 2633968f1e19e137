package io.firebreak.postmortem;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.firebreak.incident.IncidentKey;
import io.firebreak.roster.Roster;
import io.firebreak.system.ApiError;
import io.firebreak.system.InvalidInput;
import io.firebreak.system.NotFound;

/**
 * The postmortems, for anyone signed in: the list with its filters and search, and each report
 * as a page, as Markdown and as PDF, all three made from the one Markdown rendering.
 */
@Controller
class PostmortemController {

	static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

	private final Postmortems postmortems;
	private final PostmortemMarkdown markdown;
	private final PostmortemHtml html;
	private final PostmortemPdf pdf;
	private final Roster roster;

	PostmortemController(Postmortems postmortems, PostmortemMarkdown markdown, PostmortemHtml html, PostmortemPdf pdf,
			Roster roster) {
		this.postmortems = postmortems;
		this.markdown = markdown;
		this.html = html;
		this.pdf = pdf;
		this.roster = roster;
	}

	@GetMapping("/postmortems")
	String list(@RequestParam(required = false) String service, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String q, Model model) {
		PostmortemSearch filter = PostmortemSearch.of(service, severity, from, to, q);
		model.addAttribute("filter", filter);
		model.addAttribute("postmortems", postmortems.search(filter));
		model.addAttribute("services", roster.services());
		return "postmortem/postmortems";
	}

	@GetMapping("/postmortems/{key}")
	String page(@PathVariable String key, Model model) {
		PostmortemReport report = report(key);
		model.addAttribute("report", report);
		model.addAttribute("body", html.fragment(markdown.render(report)));
		return "postmortem/postmortem";
	}

	@GetMapping("/postmortems/{key}.md")
	ResponseEntity<byte[]> markdown(@PathVariable String key) {
		PostmortemReport report = report(key);
		return file(MARKDOWN, key + ".md", markdown.render(report).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/postmortems/{key}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String key) {
		return file(MediaType.APPLICATION_PDF, key + ".pdf", pdf.render(report(key)));
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

	private PostmortemReport report(String key) {
		// a malformed key finds nothing, like an unknown one
		if (!IncidentKey.isWellFormed(key)) {
			throw new NotFound("No postmortem of " + key);
		}
		return postmortems.report(new IncidentKey(key)).orElseThrow(() -> new NotFound("No postmortem of " + key));
	}

	private static ResponseEntity<byte[]> file(MediaType type, String name, byte[] content) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
			.body(content);
	}
}
