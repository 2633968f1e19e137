package io.firebreak.roster;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.system.NotFound;

@RestController
class OnCallController {

	record OnCallPerson(String id, String name, String email) {
	}

	record OnCall(String team, OnCallPerson primary, List<OnCallPerson> escalationChain) {
	}

	private final Roster roster;

	OnCallController(Roster roster) {
		this.roster = roster;
	}

	@GetMapping("/api/oncall")
	OnCall onCall(@RequestParam String team) {
		Team found = roster.team(team).orElseThrow(() -> new NotFound("No team '" + team + "'; teams are "
				+ roster.teams().stream().map(Team::id).toList()));
		List<OnCallPerson> chain = roster.chainAt(found, Instant.now()).stream()
			.map(person -> new OnCallPerson(person.id(), person.name(), person.email()))
			.toList();
		return new OnCall(found.id(), chain.get(0), chain);
	}
}
