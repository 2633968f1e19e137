package io.firebreak.drill;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import io.firebreak.roster.DrillHistory;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;
import io.firebreak.system.NotFound;

/**
 * A person's training record: the drills they took part in and their roles there, the roles they
 * have held in incidents real and rehearsed, and their last real incident.
 */
@Service
public class TrainingRecords implements DrillHistory {

	/** How often someone held a role, in real incidents and in drills. */
	public record RoleCount(String role, int incidents, int drills) {
	}

	/** A drill taken part in; {@code scenario} is empty for one declared as a drill by hand, without a scenario. */
	public record DrillTaken(String incidentKey, String title, String scenario, Instant declaredAt, List<String> roles) {
	}

	public record IncidentWorked(String incidentKey, String title, Instant declaredAt, List<String> roles) {
	}

	public record TrainingRecord(Person person, List<DrillTaken> drills, List<RoleCount> roles,
			IncidentWorked lastRealIncident) {

		public Instant lastDrill() {
			return drills.isEmpty() ? null : drills.get(0).declaredAt();
		}
	}

	private final DrillRepository drills;
	private final Roster roster;

	TrainingRecords(DrillRepository drills, Roster roster) {
		this.drills = drills;
		this.roster = roster;
	}

	public TrainingRecord of(String personId) {
		Person person = roster.person(personId).orElseThrow(() -> new NotFound("no person " + personId
				+ " on the roster"));
		List<DrillRepository.Involvement> involvements = drills.involvements(person.id());
		List<DrillTaken> taken = involvements.stream()
			.filter(DrillRepository.Involvement::drill)
			.map(i -> new DrillTaken(i.incidentKey(), i.title(), i.scenarioId(), i.declaredAt(), rolesOf(i)))
			.toList();
		Map<String, int[]> counts = new TreeMap<>();
		for (DrillRepository.Involvement involvement : involvements) {
			for (String role : rolesOf(involvement)) {
				counts.computeIfAbsent(role, r -> new int[2])[involvement.drill() ? 1 : 0]++;
			}
		}
		List<RoleCount> roles = counts.entrySet().stream()
			.map(entry -> new RoleCount(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
			.toList();
		Optional<IncidentWorked> lastReal = involvements.stream()
			.filter(involvement -> !involvement.drill())
			.findFirst()
			.map(i -> new IncidentWorked(i.incidentKey(), i.title(), i.declaredAt(), rolesOf(i)));
		return new TrainingRecord(person, taken, roles, lastReal.orElse(null));
	}

	private static List<String> rolesOf(DrillRepository.Involvement involvement) {
		return involvement.roles().isEmpty() ? List.of(DrillRoles.TOOK_PART) : involvement.roles();
	}

	@Override
	public Map<String, Instant> lastDrilled(Collection<String> people) {
		return drills.lastDrilled(people);
	}
}
