package io.firebreak.roster;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.system.ApiError;
import io.firebreak.system.LinkSigner;
import io.firebreak.system.NotFound;

/**
 * {@code /roster/{person}.ics}. Calendar apps cannot fill in a sign-in form, so the feed opens to
 * whoever signed in (a session or HTTP Basic) or to a link carrying {@code key}: a token
 * {@link LinkSigner} made for exactly that person's calendar. A key that is not that is refused
 * even for someone signed in, so a broken link shows as broken.
 */
@RestController
class OnCallCalendarController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private final Roster roster;
	private final OnCallCalendar calendar;
	private final LinkSigner signer;

	OnCallCalendarController(Roster roster, OnCallCalendar calendar, LinkSigner signer) {
		this.roster = roster;
		this.calendar = calendar;
		this.signer = signer;
	}

	static String payload(String personId) {
		return "calendar:" + personId;
	}

	@GetMapping("/roster/{person}.ics")
	ResponseEntity<?> feed(@PathVariable String person, @RequestParam(required = false) String key) {
		// who may look comes first: a stranger must not learn who is on the roster
		if (key != null) {
			if (!signer.verify(key).filter(payload(person)::equals).isPresent()) {
				return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
					.body(new ApiError("invalid calendar key", "this link's key is not the one made for " + person
							+ "'s calendar; copy the subscribe link again from the roster page"));
			}
		}
		else if (!signedIn()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Firebreak\"")
				.contentType(MediaType.APPLICATION_JSON)
				.body(new ApiError("unauthorized", "sign in, or use the subscribe link (with its key) from the roster page"));
		}
		Person found = roster.person(person).orElseThrow(() -> new NotFound("No one on the roster has the id '" + person
				+ "'"));
		return ResponseEntity.ok().contentType(TEXT_CALENDAR).body(calendar.ics(found));
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}
}
