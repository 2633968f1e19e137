package io.firebreak.paging;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The acknowledgement link of a page mail, open without signing in. Mail scanners open links,
 * so a GET only shows the page and a button; the POST acknowledges.
 */
@Controller
class AcknowledgementController {

	static final String PATH = "/acknowledge/";

	private final PageAcknowledgements acknowledgements;

	AcknowledgementController(PageAcknowledgements acknowledgements) {
		this.acknowledgements = acknowledgements;
	}

	@GetMapping(PATH + "{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		return show(acknowledgements.look(token), false, token, model, response);
	}

	@PostMapping(PATH + "{token}")
	String acknowledge(@PathVariable String token, @RequestParam(required = false) String note, Model model,
			HttpServletResponse response) {
		try {
			return show(acknowledgements.acknowledge(token, note), true, token, model, response);
		}
		catch (IllegalArgumentException tooLong) {
			model.addAttribute("noteProblem", tooLong.getMessage());
			return show(acknowledgements.look(token), false, token, model, response);
		}
	}

	private static String show(PageAcknowledgements.Look look, boolean justAcknowledged, String token, Model model,
			HttpServletResponse response) {
		model.addAttribute("look", look);
		model.addAttribute("token", token);
		model.addAttribute("justAcknowledged", justAcknowledged && look.state() == PageAcknowledgements.State.USED
				&& look.detail() == null);
		response.setStatus(switch (look.state()) {
			case OPEN -> HttpStatus.OK.value();
			case USED -> justAcknowledged && look.detail() == null ? HttpStatus.OK.value() : HttpStatus.CONFLICT.value();
			case EXPIRED -> HttpStatus.GONE.value();
			case FORGED -> HttpStatus.FORBIDDEN.value();
			case PENDING -> HttpStatus.SERVICE_UNAVAILABLE.value();
		});
		if (look.state() == PageAcknowledgements.State.PENDING) {
			response.setHeader("Retry-After", "5");
		}
		// the token is a credential: never let a shared cache or a Referer carry it on
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		return "paging/acknowledge";
	}
}
