package io.firebreak.status;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.firebreak.system.HtmlSafeJsonEscapes;

/**
 * The public status page, open without signing in: {@code /status} for people, {@code /status.json}
 * for widgets and clients written for Atlassian Statuspage, {@code /status/feed} for feed readers.
 * All three are rendered from one {@link StatusBoard}, so they always agree.
 */
@Controller
class StatusPageController {

	private final StatusPage statusPage;
	private final StatusFeed feed;
	private final ObjectWriter json;

	StatusPageController(StatusPage statusPage, StatusFeed feed, ObjectMapper mapper) {
		this.statusPage = statusPage;
		this.feed = feed;
		this.json = mapper.writer().with(new HtmlSafeJsonEscapes());
	}

	@GetMapping("/status")
	String page(Model model) {
		model.addAttribute("board", statusPage.board());
		model.addAttribute("page", statusPage.identity());
		return "status/status";
	}

	/**
	 * Any origin may read it, as Statuspage's own summary.json allows: status widgets run in the
	 * browser on other sites. It is public and read-only, so this exposes nothing more.
	 */
	@CrossOrigin(origins = "*", methods = RequestMethod.GET)
	@GetMapping("/status.json")
	ResponseEntity<byte[]> summary() throws JsonProcessingException {
		StatuspageSummary summary = StatuspageSummary.of(statusPage.board(), statusPage.identity());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(summary));
	}

	@GetMapping("/status/feed")
	ResponseEntity<byte[]> feed() {
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "atom+xml", StandardCharsets.UTF_8))
			.body(feed.render(statusPage.board(), statusPage.identity()).getBytes(StandardCharsets.UTF_8));
	}
}
