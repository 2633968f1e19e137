package io.firebreak.postmortem;

import java.nio.charset.StandardCharsets;

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

import io.firebreak.incident.IncidentKey;
import io.firebreak.roster.Roster;
import io.firebreak.security.NeedToKnow;
import io.firebreak.system.ApiError;
import io.firebreak.system.InvalidInput;
import io.firebreak.system.NotFound;

/**
 * The postmortems, for anyone signed in: the list with its filters and search, and each report
 * as a page, as Markdown and as PDF, all three made from the one Markdown rendering. A security
 * incident's postmortem is for those who may see the incident ({@link NeedToKnow}).
 */
@Controller
class PostmortemController {

	static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

	private final Postmortems postmortems;
	private final PostmortemMarkdown markdown;
	private final PostmortemHtml html;
	private final PostmortemPdf pdf;
	private final Roster roster;
	private final NeedToKnow needToKnow;

	PostmortemController(Postmortems postmortems, PostmortemMarkdown markdown, PostmortemHtml html, PostmortemPdf pdf,
			Roster roster, NeedToKnow needToKnow) {
		this.needToKnow = needToKnow;
		this.postmortems = postmortems;
		this.markdown = markdown;
		this.html = html;
		this.pdf = pdf;
		this.roster = roster;
	}

	@GetMapping("/postmortems")
	String list(@RequestParam(required = false) String service, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String q, Model model, Authentication signedIn) {
		PostmortemSearch filter = PostmortemSearch.of(service, severity, from, to, q);
		model.addAttribute("filter", filter);
		model.addAttribute("postmortems", needToKnow.only(postmortems.search(filter), found -> found.key().value(),
				signedIn));
		model.addAttribute("services", roster.services());
		return "postmortem/postmortems";
	}

	@GetMapping("/postmortems/{key}")
	String page(@PathVariable String key, Model model, Authentication signedIn) {
		PostmortemReport report = report(key, signedIn);
		model.addAttribute("report", report);
		model.addAttribute("body", html.fragment(markdown.render(report)));
		return "postmortem/postmortem";
	}

	@GetMapping("/postmortems/{key}.md")
	ResponseEntity<byte[]> markdown(@PathVariable String key, Authentication signedIn) {
		PostmortemReport report = report(key, signedIn);
		return file(MARKDOWN, key + ".md", markdown.render(report).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/postmortems/{key}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String key, Authentication signedIn) {
		return file(MediaType.APPLICATION_PDF, key + ".pdf", pdf.render(report(key, signedIn)));
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

	private PostmortemReport report(String key, Authentication signedIn) {
		// a malformed key finds nothing, like an unknown one
		if (!IncidentKey.isWellFormed(key)) {
			throw new NotFound("No postmortem of " + key);
		}
		return postmortems.report(new IncidentKey(key))
			.filter(report -> needToKnow.maySee(report.incident(), signedIn))
			.orElseThrow(() -> new NotFound("No postmortem of " + key));
	}

	private static ResponseEntity<byte[]> file(MediaType type, String name, byte[] content) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
			.body(content);
	}
}
