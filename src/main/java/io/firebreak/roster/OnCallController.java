package io.firebreak.roster;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.system.InvalidInput;
import io.firebreak.system.NotFound;

/**
 * Who is on call for a team, now or at {@code at}. "Now" is the engine's clock, so that the answer
 * agrees with the plan's timers (and a test that moves the engine clock moves it too).
 */
@RestController
class OnCallController {

	private final Roster roster;
	private final Clock clock;

	OnCallController(Roster roster, Clock clock) {
		this.roster = roster;
		this.clock = clock;
	}

	@GetMapping("/api/oncall")
	OnCall onCall(@RequestParam String team, @RequestParam(required = false) String at) {
		Team found = roster.team(team).orElseThrow(() -> new NotFound("No team '" + team + "'; teams are "
				+ roster.teams().stream().map(Team::id).toList()));
		return OnCall.of(roster, found, at == null ? clock.instant() : instant(at));
	}

	static Instant instant(String at) {
		try {
			return OffsetDateTime.parse(at).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidInput("at", "at must be an ISO-8601 date-time with an offset, such as"
					+ " 2026-12-24T10:00:00Z or 2026-12-24T11:00:00+01:00 (was '" + at + "')");
		}
	}
}
