package io.firebreak.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Every mail Firebreak sent or captured, newest first; for administrators. */
@Controller
class OutboxController {

	private final Outbox outbox;

	OutboxController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/outbox")
	String outbox(Model model) {
		model.addAttribute("messages", outbox.recent(200));
		return "notification/outbox";
	}
}
