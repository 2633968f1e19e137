package io.firebreak.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.firebreak.system.LinkSigner;

/**
 * The roster page: per team who is on call now in each layer, the next hand-off, how a page
 * escalates, and how to reach everyone in the chain; the role pools; and for the person looking,
 * the link to subscribe to their own on-call calendar.
 */
@Controller
class RosterPageController {

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z");
	static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm");

	/** A person as the page shows them: their local time now, and their calendar feed. */
	record Contact(Person person, String localTime, String calendar) {
	}

	record TeamView(Team team, OnCall onCall, String nextHandOffInTeamZone, String nextHandOffUtc,
			List<Contact> contacts) {
	}

	record RolePool(Role role, List<Person> people) {
	}

	/** A person's preparedness: when they last took part in a drill (null: never). */
	record Preparedness(Person person, Instant lastDrill) {
	}

	private final Roster roster;
	private final Clock clock;
	private final LinkSigner signer;
	private final String baseUrl;
	private final DrillHistory drills;

	RosterPageController(Roster roster, Clock clock, LinkSigner signer, @Value("${firebreak.base-url}") String baseUrl,
			DrillHistory drills) {
		this.roster = roster;
		this.drills = drills;
		this.clock = clock;
		this.signer = signer;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@GetMapping("/roster")
	String roster(Model model, Authentication signedIn) {
		Instant now = clock.instant();
		model.addAttribute("now", WHEN.format(now.atZone(ZoneOffset.UTC)));
		model.addAttribute("teams", roster.teams().stream().map(team -> teamView(team, now)).toList());
		model.addAttribute("roles", Arrays.stream(Role.values()).map(role -> new RolePool(role, roster.pool(role))).toList());
		Map<String, Instant> lastDrills = drills.lastDrilled(roster.people().stream().map(Person::id).toList(), signedIn);
		model.addAttribute("preparedness", roster.people().stream()
			.map(person -> new Preparedness(person, lastDrills.get(person.id())))
			.toList());
		roster.person(signedIn.getName()).ifPresent(me -> {
			String feed = baseUrl + "/roster/" + me.id() + ".ics?key=" + signer.sign(OnCallCalendarController.payload(me.id()));
			model.addAttribute("subscribeUrl", feed);
			// webcal:// makes a click open the calendar app's subscribe dialog instead of downloading once
			model.addAttribute("webcalUrl", feed.replaceFirst("^https?://", "webcal://"));
		});
		return "roster/roster";
	}

	private TeamView teamView(Team team, Instant now) {
		OnCall onCall = OnCall.of(roster, team, now);
		Instant next = onCall.nextHandOff();
		List<Contact> contacts = onCall.escalationChain().stream()
			.map(ref -> roster.person(ref.id()).orElseThrow())
			.map(person -> new Contact(person, LOCAL_TIME.format(now.atZone(person.zone())),
					"/roster/" + person.id() + ".ics"))
			.toList();
		return new TeamView(team, onCall, next == null ? null : WHEN.format(next.atZone(java.time.ZoneId.of(team.timeZone()))),
				next == null ? null : WHEN.format(next.atZone(ZoneOffset.UTC)), contacts);
	}
}
