package io.firebreak.drill;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;

/**
 * Scorecards: each drill's targets against the incident's own times, and who took part, from the
 * incident's record. A running drill's card fills in as the team works; once the drill is scored
 * its record no longer changes, nor does its card.
 */
@Service
public class DrillScorecards {

	public static final String ACKNOWLEDGE = "acknowledge";
	public static final String CONTAIN = "contain";
	public static final String MITIGATE = "mitigate";

	private final DrillRepository drills;
	private final IncidentRepository incidents;
	private final Roster roster;
	private final Clock clock;

	DrillScorecards(DrillRepository drills, IncidentRepository incidents, Roster roster, Clock clock) {
		this.drills = drills;
		this.incidents = incidents;
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

	/** Marks the drill scored when its plan has ended: pending steps count as missed from then on. */
	DrillScorecard score(String incidentKey) {
		drills.scored(incidentKey, clock.instant());
		return of(incidentKey).orElseThrow(() -> new IllegalStateException("No drill " + incidentKey));
	}

	private DrillScorecard card(Drill drill) {
		Incident incident = incidentOf(drill);
		boolean ended = drill.scoredAt() != null;
		Instant now = ended ? drill.scoredAt() : clock.instant();
		List<DrillScorecard.Step> steps = List.of(
				DrillScorecard.Step.of(ACKNOWLEDGE, drill.targets().acknowledge(), incident.declaredAt(),
						incident.acknowledgedAt(), now, ended),
				DrillScorecard.Step.of(CONTAIN, drill.targets().contain(), incident.declaredAt(), incident.containedAt(),
						now, ended),
				DrillScorecard.Step.of(MITIGATE, drill.targets().mitigate(), incident.declaredAt(), incident.mitigatedAt(),
						now, ended));
		return new DrillScorecard(drill, incident.status().name(),
				incident.severity() == null ? null : incident.severity().name(), steps, participants(incident));
	}

	private Incident incidentOf(Drill drill) {
		return incidents.findByKey(new IncidentKey(drill.incidentKey())).orElseThrow(() -> new IllegalStateException(
				"Drill " + drill.incidentKey() + " has no incident record"));
	}

	/** The role holders first (commander, communications lead, scribe, responder), then whoever else worked a step. */
	private List<DrillScorecard.Participant> participants(Incident incident) {
		Map<String, List<String>> roles = new LinkedHashMap<>();
		for (String person : new String[] { incident.commander(), incident.communicationsLead(), incident.scribe(),
				incident.acknowledgedBy() }) {
			if (person != null && !roles.containsKey(person)) {
				roles.put(person, DrillRoles.held(person, incident.commander(), incident.communicationsLead(),
						incident.scribe(), incident.acknowledgedBy()));
			}
		}
		drills.stepActors(incident.key().value()).stream()
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
