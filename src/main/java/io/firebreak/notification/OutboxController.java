package io.firebreak.notification;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Every notification with its delivery state, and each mail as it was rendered; for administrators. */
@Controller
class OutboxController {

	private final NotificationRepository notifications;

	OutboxController(NotificationRepository notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/outbox")
	String outbox(Model model) {
		model.addAttribute("notifications", notifications.recent(300));
		return "notification/outbox";
	}

	@GetMapping("/outbox/{id}")
	String preview(@PathVariable long id, Model model) {
		model.addAttribute("notification",
				notifications.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "No notification " + id)));
		return "notification/preview";
	}
}
