package io.firebreak.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.FirebreakSpringTest;

@FirebreakSpringTest
class RosterIdentitySyncIntegrationTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RosterIdentitySync sync;

	@Test
	void theDemoRosterCanSignInWithItsUserIdsAndHasTheBriefsGroups() {
		var identity = engine.getIdentityService();
		for (String user : List.of("admin", "ic", "oncall", "oncall2", "comms", "security", "auditor", "author")) {
			assertThat(identity.checkPassword(user, user)).as(user).isTrue();
		}
		assertThat(identity.createGroupQuery().list()).extracting(g -> g.getId())
			.containsAll(RosterGroup.ids());
		assertThat(identity.createGroupQuery().groupMember("ic").list()).extracting(g -> g.getId())
			.containsExactly("incident-commanders");
		assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(u -> u.getId())
			.as("so Camunda's webapps never offer their first-admin setup page").containsExactly("admin");
		assertThat(identity.createUserQuery().userId("oncall").singleResult().getEmail())
			.isEqualTo("oncall@firebreak.example");
	}

	@Test
	void syncingAgainChangesNothing() {
		long authorizations = engine.getAuthorizationService().createAuthorizationQuery().count();
		long memberships = engine.getIdentityService().createGroupQuery().groupMember("admin").count();
		long filters = engine.getFilterService().createFilterQuery().count();

		sync.run(null);
		sync.run(null);

		assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(authorizations);
		assertThat(engine.getIdentityService().createGroupQuery().groupMember("admin").count()).isEqualTo(memberships);
		assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
		assertThat(filters).isEqualTo(TasklistFilters.FILTERS.size());
	}

	@Test
	void eachRoleSeesItsOwnTasklistFilter() {
		List<String> commanderFilters = as("ic", List.of("incident-commanders"),
				() -> engine.getFilterService().createFilterQuery().list().stream().map(Filter::getName).toList());
		List<String> responderFilters = as("oncall", List.of("responders"),
				() -> engine.getFilterService().createFilterQuery().list().stream().map(Filter::getName).toList());

		assertThat(commanderFilters).containsExactlyInAnyOrder("My incident tasks", "Incident command");
		assertThat(responderFilters).containsExactlyInAnyOrder("My incident tasks", "Response");
		String everyones = engine.getFilterService().createFilterQuery().filterName("My incident tasks").singleResult()
			.getId();
		for (String user : List.of("ic", "oncall", "comms", "author")) {
			List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
				.map(g -> g.getId()).toList();
			assertThat(as(user, groups, () -> engine.getFilterService().count(everyones))).as(user).isNotNull();
		}
	}

	@Test
	void permissionsFollowLeastPrivilege() {
		var authorizations = engine.getAuthorizationService();
		assertThat(authorizations.isUserAuthorized("auditor", List.of("auditors"), Permissions.READ_HISTORY,
				Resources.PROCESS_DEFINITION, "incident-response")).isTrue();
		assertThat(authorizations.isUserAuthorized("auditor", List.of("auditors"), Permissions.CREATE_INSTANCE,
				Resources.PROCESS_DEFINITION, "incident-response")).isFalse();
		assertThat(authorizations.isUserAuthorized("author", List.of("plan-authors"), Permissions.CREATE,
				Resources.DEPLOYMENT, "*")).isTrue();
		assertThat(authorizations.isUserAuthorized("oncall", List.of("responders"), Permissions.CREATE,
				Resources.DEPLOYMENT, "*")).isFalse();
		assertThat(authorizations.isUserAuthorized("admin", List.of("firebreak-admins"), Permissions.ALL,
				Resources.AUTHORIZATION, "*")).isTrue();

		assertThatThrownBy(() -> as("auditor", List.of("auditors"), () -> engine.getRuntimeService()
			.startProcessInstanceByKey("incident-response", Map.of("title", "t"))))
			.isInstanceOf(AuthorizationException.class);
	}

	private <T> T as(String user, List<String> groups, java.util.function.Supplier<T> work) {
		engine.getIdentityService().setAuthentication(user, groups);
		try {
			return work.get();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}
}
