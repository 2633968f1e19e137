package io.firebreak.notification;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import io.firebreak.security.NeedToKnow;

/**
 * Every notification with its delivery state, and each mail as it was rendered; for administrators
 * (io.firebreak.system.SecurityConfiguration). Admins see every incident, but should the door ever
 * open wider, a mail about a security incident still shows only to who may see the incident.
 */
@Controller
class OutboxController {

	private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final NotificationRepository notifications;
	private final NeedToKnow needToKnow;

	OutboxController(NotificationRepository notifications, NeedToKnow needToKnow) {
		this.notifications = notifications;
		this.needToKnow = needToKnow;
	}

	@GetMapping("/outbox")
	String outbox(Model model, Authentication signedIn) {
		model.addAttribute("notifications", needToKnow.only(notifications.recent(300), Notification::incidentKey,
				signedIn));
		return "notification/outbox";
	}

	@GetMapping("/outbox/{id}")
	String preview(@PathVariable long id, Model model, Authentication signedIn) {
		model.addAttribute("notification", find(id, signedIn));
		return "notification/preview";
	}

	/** The calendar invitation a mail carries, as a file: a captured mail's invitation can still be accepted. */
	@GetMapping("/outbox/{id}/invite.ics")
	ResponseEntity<String> invitation(@PathVariable long id, Authentication signedIn) {
		Notification notification = find(id, signedIn);
		if (!notification.hasCalendar()) {
			throw new ResponseStatusException(NOT_FOUND, "Notification " + id + " carries no calendar invitation");
		}
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("invite.ics").build().toString())
			.body(notification.calendar());
	}

	private Notification find(long id, Authentication signedIn) {
		return notifications.find(id)
			.filter(notification -> !needToKnow.hides(notification.incidentKey(), signedIn))
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "No notification " + id));
	}
}
