package io.firebreak.roster;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/roster/reload}, for admins (SecurityConfiguration): puts the edited roster files in force. */
@RestController
class RosterReloadController {

	/** A refused reload: every problem, one per entry, and the reminder that nothing changed. */
	record Refused(String error, String detail, List<String> problems) {
	}

	private final RosterReload reload;

	RosterReloadController(RosterReload reload) {
		this.reload = reload;
	}

	@PostMapping("/api/roster/reload")
	RosterReload.Reloaded reload() {
		return reload.reload();
	}

	@ExceptionHandler(RosterUnreadable.class)
	ResponseEntity<Refused> unreadable(RosterUnreadable e) {
		List<String> problems = Arrays.stream(e.getMessage().split("\n"))
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.equals("The roster has mistakes:"))
			.toList();
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
			.body(new Refused("roster not reloaded", "the roster in force is unchanged; fix these and reload again: "
					+ String.join("; ", problems), problems));
	}
}
