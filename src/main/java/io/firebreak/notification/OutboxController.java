package io.firebreak.notification;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Every notification with its delivery state, and each mail as it was rendered; for administrators. */
@Controller
class OutboxController {

	private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

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
		model.addAttribute("notification", find(id));
		return "notification/preview";
	}

	/** The calendar invitation a mail carries, as a file: a captured mail's invitation can still be accepted. */
	@GetMapping("/outbox/{id}/invite.ics")
	ResponseEntity<String> invitation(@PathVariable long id) {
		Notification notification = find(id);
		if (!notification.hasCalendar()) {
			throw new ResponseStatusException(NOT_FOUND, "Notification " + id + " carries no calendar invitation");
		}
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("invite.ics").build().toString())
			.body(notification.calendar());
	}

	private Notification find(long id) {
		return notifications.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "No notification " + id));
	}
}
