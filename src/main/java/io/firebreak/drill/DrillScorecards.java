package io.firebreak.drill;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;

/**
 * Scorecards: each drill's targets against the incident's own times, and who took part. A running
 * drill's card is computed as it stands; a scored one keeps the participants it had at its end.
 */
@Service
public class DrillScorecards {

	public static final String ACKNOWLEDGE = "acknowledge";
	public static final String CONTAIN = "contain";
	public static final String MITIGATE = "mitigate";

	private final DrillRepository drills;
	private final Roster roster;
	private final Clock clock;

	DrillScorecards(DrillRepository drills, Roster roster, Clock clock) {
		this.drills = drills;
		this.roster = roster;
		this.clock = clock;
	}

	public Optional<DrillScorecard> of(String incidentKey) {
		return drills.find(incidentKey).map(this::card);
	}

	/** The latest drills first. */
	public List<DrillScorecard> recent(int limit) {
		return drills.recent(limit).stream().map(this::card).toList();
	}

	/** Keeps who took part and marks the drill scored, when its plan has ended. */
	DrillScorecard score(String incidentKey) {
		Drill drill = drills.find(incidentKey).orElseThrow(() -> new IllegalStateException("No drill " + incidentKey));
		DrillRepository.IncidentTimes times = times(drill);
		drills.score(incidentKey, liveParticipants(incidentKey, times), clock.instant());
		return of(incidentKey).orElseThrow();
	}

	private DrillScorecard card(Drill drill) {
		DrillRepository.IncidentTimes times = times(drill);
		boolean ended = drill.scoredAt() != null;
		Instant now = ended ? drill.scoredAt() : clock.instant();
		List<DrillScorecard.Step> steps = List.of(
				DrillScorecard.Step.of(ACKNOWLEDGE, drill.targets().acknowledge(), times.declaredAt(),
						times.acknowledgedAt(), now, ended),
				DrillScorecard.Step.of(CONTAIN, drill.targets().contain(), times.declaredAt(), times.containedAt(), now,
						ended),
				DrillScorecard.Step.of(MITIGATE, drill.targets().mitigate(), times.declaredAt(), times.mitigatedAt(), now,
						ended));
		List<DrillScorecard.Participant> participants = ended
				? kept(drill.incidentKey())
				: liveParticipants(drill.incidentKey(), times);
		return new DrillScorecard(drill, times.status(), times.severity(), steps, participants);
	}

	private DrillRepository.IncidentTimes times(Drill drill) {
		return drills.incidentTimes(drill.incidentKey()).orElseThrow(() -> new IllegalStateException(
				"Drill " + drill.incidentKey() + " has no incident record"));
	}

	private List<DrillScorecard.Participant> kept(String incidentKey) {
		List<DrillScorecard.Participant> participants = new ArrayList<>();
		drills.participants(incidentKey).forEach((person, roles) -> participants.add(participant(person, roles)));
		return participants;
	}

	/** The role holders first (commander, communications lead, scribe, responder), then whoever else worked a step. */
	private List<DrillScorecard.Participant> liveParticipants(String incidentKey, DrillRepository.IncidentTimes times) {
		Map<String, List<String>> roles = new LinkedHashMap<>();
		for (String person : new String[] { times.commander(), times.communicationsLead(), times.scribe(),
				times.acknowledgedBy() }) {
			if (person != null && !roles.containsKey(person)) {
				roles.put(person, DrillRoles.held(person, times.commander(), times.communicationsLead(), times.scribe(),
						times.acknowledgedBy()));
			}
		}
		drills.stepActors(incidentKey).stream()
			.filter(actor -> roster.person(actor).isPresent())
			.forEach(actor -> roles.putIfAbsent(actor, List.of(DrillRoles.TOOK_PART)));
		List<DrillScorecard.Participant> participants = new ArrayList<>();
		roles.forEach((person, held) -> participants.add(participant(person, held)));
		return participants;
	}

	private DrillScorecard.Participant participant(String person, List<String> roles) {
		return new DrillScorecard.Participant(person, roster.person(person).map(Person::name).orElse(person), roles);
	}
}
