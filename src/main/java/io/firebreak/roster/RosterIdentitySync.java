package io.firebreak.roster;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's identity match the roster at every start and on every reload, idempotently:
 * groups, people, memberships, then the groups' permissions and Tasklist filters. Only the demo
 * profile gives people a password (their user id); elsewhere passwords are set in Camunda Admin.
 * <p>
 * Someone the roster no longer lists loses their memberships in Firebreak's groups (and in
 * camunda-admin), so they can no longer work or see incidents; their Camunda user stays, so that
 * the history of what they did still names them.
 */
@Component
@Order(0)
class RosterIdentitySync implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RosterIdentitySync.class);

	private final Roster roster;
	private final IdentityService identity;
	private final AccessPolicy accessPolicy;
	private final TasklistFilters filters;
	private final boolean demoPasswords;

	RosterIdentitySync(Roster roster, IdentityService identity, AccessPolicy accessPolicy, TasklistFilters filters,
			@Value("${firebreak.roster.demo-passwords:false}") boolean demoPasswords) {
		this.roster = roster;
		this.identity = identity;
		this.accessPolicy = accessPolicy;
		this.filters = filters;
		this.demoPasswords = demoPasswords;
	}

	@Override
	public void run(ApplicationArguments args) {
		sync(roster);
	}

	/**
	 * Makes Camunda's identity match {@code target} (the roster in force, or the one a reload is
	 * about to put in force, inside the reload's transaction). Returns the ids of the people who
	 * lost Firebreak's groups because {@code target} does not list them.
	 */
	List<String> sync(Roster target) {
		for (RosterGroup group : RosterGroup.values()) {
			ensureGroup(group.id(), group.displayName(), "WORKFLOW");
		}
		ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
		target.people().forEach(this::syncPerson);
		List<String> removed = removeMembershipsOfPeopleNotIn(target);
		accessPolicy.apply(target);
		filters.apply();
		log.info("Roster synced: {} people, {} teams, {} services{}", target.people().size(), target.teams().size(),
				target.services().size(), removed.isEmpty() ? "" : "; no longer on the roster: " + removed);
		return removed;
	}

	private List<String> removeMembershipsOfPeopleNotIn(Roster target) {
		java.util.Set<String> removed = new java.util.TreeSet<>();
		List<String> firebreakGroups = new java.util.ArrayList<>(RosterGroup.ids());
		firebreakGroups.add(Groups.CAMUNDA_ADMIN);
		for (String group : firebreakGroups) {
			identity.createUserQuery().memberOfGroup(group).list().stream()
				.map(User::getId)
				.filter(user -> target.person(user).isEmpty())
				.forEach(user -> {
					identity.deleteMembership(user, group);
					removed.add(user);
				});
		}
		return List.copyOf(removed);
	}

	private void ensureGroup(String id, String name, String type) {
		if (identity.createGroupQuery().groupId(id).count() == 0) {
			Group created = identity.newGroup(id);
			created.setName(name);
			created.setType(type);
			identity.saveGroup(created);
		}
	}

	/**
	 * Firebreak administrators are Camunda administrators too: with nobody in camunda-admin,
	 * Camunda's webapps offer anyone a page to create the first administrator.
	 */
	private List<String> rosterGroupsOf(Person person) {
		List<String> groups = new java.util.ArrayList<>(person.groups());
		if (groups.contains(RosterGroup.FIREBREAK_ADMINS.id())) {
			groups.add(Groups.CAMUNDA_ADMIN);
		}
		return groups;
	}

	private void syncPerson(Person person) {
		User user = identity.createUserQuery().userId(person.id()).singleResult();
		boolean created = user == null;
		if (created) {
			user = identity.newUser(person.id());
			if (demoPasswords) {
				user.setPassword(person.id());
			}
		}
		if (created || !person.email().equals(user.getEmail()) || !person.firstName().equals(user.getFirstName())
				|| !person.lastName().equals(user.getLastName())) {
			user.setFirstName(person.firstName());
			user.setLastName(person.lastName());
			user.setEmail(person.email());
			identity.saveUser(user);
		}
		List<String> current = identity.createGroupQuery().groupMember(person.id()).list().stream()
			.map(Group::getId)
			.toList();
		List<String> wanted = rosterGroupsOf(person);
		wanted.stream()
			.filter(group -> !current.contains(group))
			.forEach(group -> identity.createMembership(person.id(), group));
		// Roles the roster no longer gives are taken away, so the roster stays the one truth.
		current.stream()
			.filter(group -> (RosterGroup.ids().contains(group) || Groups.CAMUNDA_ADMIN.equals(group))
					&& !wanted.contains(group))
			.forEach(group -> identity.deleteMembership(person.id(), group));
	}
}
