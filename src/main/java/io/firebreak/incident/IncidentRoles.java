package io.firebreak.incident;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.roster.Person;
import io.firebreak.roster.Role;
import io.firebreak.roster.Roster;
import io.firebreak.roster.RosterGroup;
import io.firebreak.system.Forbidden;
import io.firebreak.system.InvalidInput;

/**
 * The incident's roles changing hands while it runs, for every plan alike. The commander may hand
 * any role to someone of its pool; anyone of the commander pool may take command themselves;
 * admins may do either. The plans, the record and the timeline change together or not at all.
 */
@Service
class IncidentRoles {

	/** A hand-over as asked for: the role's variable name, the new holder's user id, an optional note. */
	record HandOver(String role, String person, String note) {
	}

	/** Who asks: the signed-in user, and whether they are a Firebreak admin. */
	record Actor(String id, boolean admin) {

		static Actor of(Authentication signedIn) {
			return new Actor(signedIn.getName(), signedIn.getAuthorities().stream()
				.anyMatch(authority -> RosterGroup.FIREBREAK_ADMINS.id().equals(authority.getAuthority())));
		}
	}

	private final IncidentRepository incidents;
	private final TimelineRepository timeline;
	private final RoleInPlans plans;
	private final Roster roster;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	IncidentRoles(IncidentRepository incidents, TimelineRepository timeline, RoleInPlans plans, Roster roster,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.incidents = incidents;
		this.timeline = timeline;
		this.plans = plans;
		this.roster = roster;
		this.clock = clock;
	}

	/** Checks everything before changing anything; any failure leaves plans, record and timeline as they were. */
	@Transactional
	Incident handOver(String key, HandOver request, Actor actor) {
		Incident incident = incidents.findByKey(key).orElseThrow(() -> new IncidentNotFound(key));
		Role role = role(FieldRules.required("role", request.role(), 64));
		String person = roster.requirePerson("person", FieldRules.required("person", request.person(), 64));
		String note = FieldRules.optional("note", request.note(), 2000);
		if (!mayHandOver(incident, actor) && !(role == Role.COMMANDER && person.equals(actor.id())
				&& mayTakeOver(incident, actor))) {
			throw new Forbidden(whoMay(incident, role, actor));
		}
		if (!roster.mayHold(role, person)) {
			throw new InvalidInput("person", "%s is not in the %s pool; pick one of: %s".formatted(person, name(role),
					roster.pool(role).stream().map(Person::id).collect(Collectors.joining(", "))));
		}
		if (person.equals(incident.holder(role))) {
			throw new InvalidInput("person", "%s already is the %s of %s".formatted(person, name(role), key));
		}
		String previous = incident.handOver(role, person);
		List<String> moved = plans.handOver(incident.key(), role, previous, person);
		incidents.update(incident);
		events.publishEvent(new IncidentRoleHoldersChanged(incident));
		timeline.append(TimelineEvent.of(incident.key(), clock.instant(), Kind.ROLE_HANDED_OVER, actor.id(),
				describe(role, previous, person, actor, note, moved)));
		return incident;
	}

	/** The current commander and admins hand any role over. */
	boolean mayHandOver(Incident incident, Actor actor) {
		return actor.admin() || actor.id().equals(incident.commander());
	}

	/** Anyone of the commander pool who is not commander yet may take command. */
	boolean mayTakeOver(Incident incident, Actor actor) {
		return roster.mayHold(Role.COMMANDER, actor.id()) && !actor.id().equals(incident.commander());
	}

	private String whoMay(Incident incident, Role role, Actor actor) {
		String commander = incident.commander() == null ? "nobody yet" : incident.commander();
		if (role == Role.COMMANDER) {
			return ("%s may not hand over command of %s: the current commander (%s), an admin, or someone of the"
					+ " commander pool (%s) taking command themselves may").formatted(actor.id(), incident.key(),
							commander, roster.pool(Role.COMMANDER).stream().map(Person::id).collect(Collectors.joining(", ")));
		}
		return "%s may not hand over the %s of %s: the current commander (%s) or an admin may".formatted(actor.id(),
				name(role), incident.key(), commander);
	}

	private String describe(Role role, String previous, String next, Actor actor, String note, List<String> moved) {
		String change = previous == null ? "%s given to %s by %s".formatted(role.displayName(), nameOf(next), actor.id())
				: "%s handed over from %s to %s by %s".formatted(role.displayName(), nameOf(previous), nameOf(next),
						actor.id());
		return change + (note == null ? "" : ": " + note)
				+ (moved.isEmpty() ? "" : " (open tasks moved: " + String.join(", ", moved) + ")");
	}

	private String nameOf(String personId) {
		return roster.person(personId).map(Person::name).orElse(personId);
	}

	private static Role role(String variable) {
		return Role.of(variable).orElseThrow(() -> new InvalidInput("role", "role must be one of %s (was '%s')"
			.formatted(Arrays.stream(Role.values()).map(Role::variable).collect(Collectors.joining(", ")), variable)));
	}

	private static String name(Role role) {
		return role.displayName().toLowerCase(Locale.ROOT);
	}
}
