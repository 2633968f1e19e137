package io.firebreak.drill;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import io.firebreak.roster.DrillHistory;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;
import io.firebreak.security.NeedToKnow;
import io.firebreak.system.NotFound;

/**
 * A person's training record: the drills they took part in and their roles there, the roles they
 * have held in incidents real and rehearsed, and their last real incident; of the incidents the
 * reader may see, so that a person's record does not tell of a security incident the reader may not.
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
	private final NeedToKnow needToKnow;

	TrainingRecords(DrillRepository drills, Roster roster, NeedToKnow needToKnow) {
		this.drills = drills;
		this.roster = roster;
		this.needToKnow = needToKnow;
	}

	public TrainingRecord of(String personId, Authentication reader) {
		Person person = roster.person(personId).orElseThrow(() -> new NotFound("no person " + personId
				+ " on the roster"));
		List<DrillRepository.Involvement> involvements = needToKnow.only(drills.involvements(person.id()),
				DrillRepository.Involvement::incidentKey, reader);
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
	public Map<String, Instant> lastDrilled(Collection<String> people, Authentication viewer) {
		Map<String, Instant> last = new HashMap<>();
		needToKnow.only(drills.drillsTakenBy(people), DrillRepository.DrillTaken::incidentKey, viewer)
			.forEach(taken -> last.merge(taken.person(), taken.declaredAt(), (a, b) -> a.isAfter(b) ? a : b));
		return last;
	}
}
