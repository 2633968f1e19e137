package io.firebreak.roster;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
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
 * Makes Camunda's identity match the roster at every start, idempotently: groups, people,
 * memberships, then the groups' permissions and Tasklist filters. Only the demo profile gives
 * people a password (their user id); elsewhere passwords are set in Camunda Admin.
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
		for (RosterGroup group : RosterGroup.values()) {
			if (identity.createGroupQuery().groupId(group.id()).count() == 0) {
				Group created = identity.newGroup(group.id());
				created.setName(group.displayName());
				created.setType("WORKFLOW");
				identity.saveGroup(created);
			}
		}
		roster.people().forEach(this::syncPerson);
		accessPolicy.apply();
		filters.apply();
		log.info("Roster synced: {} people, {} teams, {} services", roster.people().size(), roster.teams().size(),
				roster.services().size());
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
		person.groups().stream()
			.filter(group -> !current.contains(group))
			.forEach(group -> identity.createMembership(person.id(), group));
		// Roles the roster no longer gives are taken away, so the roster stays the one truth.
		current.stream()
			.filter(group -> RosterGroup.ids().contains(group) && !person.groups().contains(group))
			.forEach(group -> identity.deleteMembership(person.id(), group));
	}
}
