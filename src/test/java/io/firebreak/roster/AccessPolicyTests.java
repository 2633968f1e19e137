package io.firebreak.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

import io.firebreak.roster.AccessPolicy.Grant;

/** Auditors read everything they audit and change nothing, whichever plans services.yaml chooses. */
class AccessPolicyTests {

	private static final Set<String> READING = Set.of("READ", "READ_HISTORY", "READ_INSTANCE");

	@Test
	void auditorsAreGrantedOnlyReadingAndCockpit() {
		List<Grant> grants = auditors(Set.of("incident-response", "third-party-degradation", "security-incident"));

		for (Grant grant : grants) {
			List<String> permissions = grant.permissions().stream().map(Permission::getName).toList();
			if (grant.resource() == Resources.APPLICATION) {
				assertThat(grant.resourceId()).as("the only application auditors open").isEqualTo("cockpit");
				assertThat(permissions).containsExactly("ACCESS");
			}
			else {
				assertThat(permissions).as("auditors on %s '%s'", grant.resource(), grant.resourceId())
					.isNotEmpty()
					.allMatch(READING::contains);
			}
		}
	}

	@Test
	void auditorsReadTheHistoryOfEveryPlanAndItsDecisions() {
		List<Grant> grants = auditors(Set.of("incident-response"));

		assertThat(grants).anySatisfy(grant -> {
			assertThat(grant.resource()).isEqualTo(Resources.PROCESS_DEFINITION);
			assertThat(grant.resourceId()).isEqualTo("*");
			assertThat(grant.permissions()).extracting(Permission::getName).contains("READ_HISTORY", "READ_INSTANCE");
		});
		assertThat(grants).anySatisfy(grant -> {
			assertThat(grant.resource()).isEqualTo(Resources.DECISION_DEFINITION);
			assertThat(grant.permissions()).extracting(Permission::getName).contains("READ_HISTORY");
		});
		assertThat(grants).as("the operation log Cockpit shows, plan or no plan").anySatisfy(grant -> {
			assertThat(grant.resource()).isEqualTo(Resources.OPERATION_LOG_CATEGORY);
			assertThat(grant.permissions()).extracting(Permission::getName).containsExactly("READ");
		});
		assertThat(grants).noneMatch(grant -> grant.resource() == Resources.APPLICATION && grant.resourceId().equals("tasklist"));
	}

	@Test
	void aSecurityPlanIsGrantedToTheSecurityTeamAndToNobodyElseButAuditorsAndAdmins() {
		List<Grant> grants = AccessPolicy.grants(Set.of("incident-response"), Set.of("security-incident"),
				Set.of("incident-response", "postmortem", "security-incident"));

		assertThat(grants).filteredOn(grant -> grant.resourceId().equals("security-incident"))
			.extracting(Grant::group).containsExactly(RosterGroup.SECURITY_TEAM);
		assertThat(grants).filteredOn(grant -> grant.resourceId().equals("security-incident")).singleElement()
			.satisfies(grant -> assertThat(grant.permissions()).extracting(Permission::getName)
				.contains("READ_INSTANCE", "READ_TASK", "TASK_WORK", "READ_HISTORY"));
		List<Grant> othersWildcards = grants.stream().filter(grant -> grant.resourceId().equals("*")
				&& grant.group() != RosterGroup.AUDITORS && grant.group() != RosterGroup.FIREBREAK_ADMINS).toList();
		assertThat(othersWildcards).as("no wildcard lets anyone else read a plan's instances, tasks or history")
			.filteredOn(grant -> grant.resource() == Resources.PROCESS_DEFINITION)
			.allSatisfy(grant -> assertThat(grant.permissions()).extracting(Permission::getName)
				.doesNotContain("READ_INSTANCE", "READ_HISTORY", "READ_TASK"));
		assertThat(othersWildcards).filteredOn(grant -> grant.resource() == Resources.PROCESS_INSTANCE)
			.allSatisfy(grant -> assertThat(grant.permissions()).extracting(Permission::getName).containsExactly("CREATE"));
		assertThat(grants).as("commanders read the instances of every other process, authors their history")
			.anySatisfy(grant -> {
				assertThat(grant.group()).isEqualTo(RosterGroup.INCIDENT_COMMANDERS);
				assertThat(grant.resourceId()).isEqualTo("postmortem");
				assertThat(grant.permissions()).extracting(Permission::getName).contains("READ_INSTANCE");
			})
			.anySatisfy(grant -> {
				assertThat(grant.group()).isEqualTo(RosterGroup.PLAN_AUTHORS);
				assertThat(grant.resourceId()).isEqualTo("postmortem");
				assertThat(grant.permissions()).extracting(Permission::getName).containsExactly("READ_HISTORY");
			});
	}

	private static List<Grant> auditors(Set<String> everydayPlans) {
		return AccessPolicy.grants(everydayPlans).stream().filter(grant -> grant.group() == RosterGroup.AUDITORS).toList();
	}
}
