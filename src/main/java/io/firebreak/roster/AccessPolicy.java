package io.firebreak.roster;

import static io.firebreak.roster.RosterGroup.*;
import static org.camunda.bpm.engine.authorization.Resources.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.stereotype.Component;

/**
 * Least privilege per role. Responders get no blanket task rights: Camunda grants a candidate
 * group read and work rights on each task it is a candidate for, which is exactly the reach a
 * responder needs. Commanders see and work every incident task; auditors only read. Responders and
 * communications read the instances of the everyday (not security) plans services.yaml chooses, so
 * that Tasklist's list shows them each task's incident key, title and severity (Camunda shows a
 * process variable only to who may read the instance). Commanders read the instances of every
 * process but the security plans.
 * <p>
 * Need-to-know: a plan chosen for security incidents is granted to the security team (and, as
 * everything, to admins and auditors) and to nobody else; the people holding a role on one of its
 * incidents get grants on that incident's instances alone (io.firebreak.security.RoleHolderAccess).
 */
@Component
class AccessPolicy {

	record Grant(RosterGroup group, Resource resource, String resourceId, List<Permission> permissions) {
	}

	private static final List<RosterGroup> DECLARERS = List.of(INCIDENT_COMMANDERS, RESPONDERS, SECURITY_TEAM);

	static final String MAIN_PLAN = "incident-response";
	/** The plan review cycle (io.firebreak.planreview), which plan authors start on demand too. */
	static final String PLAN_REVIEW = "plan-review";
	static final String SECURITY_TYPE = "security";

	private final AuthorizationService authorizations;
	private final RepositoryService repository;

	AccessPolicy(ProcessEngine engine) {
		this.authorizations = engine.getAuthorizationService();
		this.repository = engine.getRepositoryService();
	}

	/** The plans services.yaml chooses for security incidents: need-to-know. */
	static Set<String> securityPlans(Roster roster) {
		return roster.plansNamedFor(SECURITY_TYPE);
	}

	/** The plans services.yaml chooses for incidents other than security ones, the main plan always. */
	static Set<String> everydayPlans(Roster roster) {
		Set<String> plans = new LinkedHashSet<>(List.of(MAIN_PLAN));
		roster.plans().forEach((type, plan) -> {
			if (!SECURITY_TYPE.equals(type)) {
				plans.add(plan);
			}
		});
		roster.services().forEach(service -> service.plans().forEach((type, plan) -> {
			if (!SECURITY_TYPE.equals(type)) {
				plans.add(plan);
			}
		}));
		return plans;
	}

	static List<Grant> grants(Set<String> everydayPlans) {
		return grants(everydayPlans, Set.of(), Set.of());
	}

	/**
	 * {@code openProcesses}: every other deployed process but the security plans (postmortems,
	 * action items, drills, deliveries), whose instances commanders read.
	 */
	static List<Grant> grants(Set<String> everydayPlans, Set<String> securityPlans, Set<String> openProcesses) {
		List<Grant> grants = new ArrayList<>();
		for (RosterGroup group : RosterGroup.values()) {
			grants.add(grant(group, USER, "*", Permissions.READ));
			grants.add(grant(group, GROUP, "*", Permissions.READ));
			if (group != AUDITORS) {
				grants.add(grant(group, APPLICATION, "tasklist", Permissions.ACCESS));
			}
		}
		for (RosterGroup group : List.of(INCIDENT_COMMANDERS, AUDITORS, PLAN_AUTHORS)) {
			grants.add(grant(group, APPLICATION, "cockpit", Permissions.ACCESS));
		}
		for (RosterGroup group : DECLARERS) {
			grants.add(grant(group, PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.CREATE_INSTANCE));
			grants.add(grant(group, PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE));
		}
		grants.add(grant(COMMUNICATIONS, PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ));
		for (String plan : everydayPlans) {
			grants.add(grant(INCIDENT_COMMANDERS, PROCESS_DEFINITION, plan, ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
					ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
					ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.READ_HISTORY));
			for (RosterGroup group : List.of(RESPONDERS, COMMUNICATIONS)) {
				grants.add(grant(group, PROCESS_DEFINITION, plan, ProcessDefinitionPermissions.READ,
						ProcessDefinitionPermissions.READ_INSTANCE));
			}
		}
		for (String process : openProcesses) {
			if (!securityPlans.contains(process)) {
				grants.addAll(openProcessGrants(process));
			}
		}
		for (String plan : securityPlans) {
			grants.add(grant(SECURITY_TEAM, PROCESS_DEFINITION, plan, ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
					ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
					ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.READ_HISTORY));
		}
		grants.add(grant(AUDITORS, PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY));
		grants.add(grant(AUDITORS, PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ));
		grants.add(grant(AUDITORS, DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY));
		grants.add(grant(AUDITORS, DEPLOYMENT, "*", Permissions.READ));
		// the operation log entries tied to no plan (an admin's batch, a user created): Cockpit shows them to readers of the category
		grants.add(grant(AUDITORS, OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ));
		grants.add(grant(PLAN_AUTHORS, DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ, Permissions.DELETE));
		// the history of the security plans' incidents is need-to-know: plan authors read every other plan's
		grants.add(grant(PLAN_AUTHORS, PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.SUSPEND));
		// plan authors start a review cycle from Tasklist (commanders may start any process already)
		grants.add(grant(PLAN_AUTHORS, PROCESS_DEFINITION, PLAN_REVIEW, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.CREATE_INSTANCE));
		grants.add(grant(PLAN_AUTHORS, PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE));
		grants.add(grant(PLAN_AUTHORS, DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY));
		grants.add(grant(PLAN_AUTHORS, DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ));
		for (Resources resource : Resources.values()) {
			grants.add(grant(FIREBREAK_ADMINS, resource, "*", Permissions.ALL));
		}
		return grants;
	}

	private static Grant grant(RosterGroup group, Resource resource, String resourceId, Permission... permissions) {
		return new Grant(group, resource, resourceId, Arrays.asList(permissions));
	}

	/**
	 * Grants what {@code roster} calls for; a reload applies the new roster's plans too. Grants on
	 * plans a reload no longer chooses are left in place: removing them could cut people off
	 * incidents still running on those plans.
	 */
	void apply(Roster roster) {
		Set<String> securityPlans = securityPlans(roster);
		Set<String> deployed = new LinkedHashSet<>();
		repository.createProcessDefinitionQuery().latestVersion().list()
			.forEach(definition -> deployed.add(definition.getKey()));
		Set<String> everyday = everydayPlans(roster);
		everyday.removeAll(securityPlans);
		grants(everyday, securityPlans, deployed).forEach(this::apply);
		// need-to-know wins over grants an older Firebreak or roster gave: commanders read every instance
		// once, and a plan chosen for security incidents now may have been an everyday plan before
		revoke(INCIDENT_COMMANDERS, PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
		revoke(PLAN_AUTHORS, PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_HISTORY);
		for (String plan : securityPlans) {
			for (RosterGroup group : List.of(INCIDENT_COMMANDERS, RESPONDERS, COMMUNICATIONS)) {
				revoke(group, PROCESS_DEFINITION, plan, ProcessDefinitionPermissions.values());
			}
		}
	}

	/**
	 * A process deployed while Firebreak runs (Modeler's Deploy button): commanders read its instances,
	 * and plan authors its history, unless it is a security plan. Called inside the deployment's own
	 * command, where the author holds no right to grant, and while the engine is being built (its
	 * first deployment), before this bean is.
	 */
	static void deployed(String processKey, Roster roster, AuthorizationService authorizations) {
		if (!securityPlans(roster).contains(processKey)) {
			openProcessGrants(processKey).forEach(grant -> apply(authorizations, grant));
		}
	}

	/** What commanders and plan authors hold on a process that is not need-to-know. */
	private static List<Grant> openProcessGrants(String process) {
		return List.of(grant(INCIDENT_COMMANDERS, PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE),
				grant(PLAN_AUTHORS, PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ_HISTORY));
	}

	/** Takes {@code permissions} back from what {@code group} was granted; the rest of the grant stays. */
	private void revoke(RosterGroup group, Resource resource, String resourceId, Permission... permissions) {
		for (Authorization granted : authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group.id())
			.resourceType(resource)
			.resourceId(resourceId)
			.list()) {
			List<Permission> held = Arrays.stream(permissions).filter(granted::isPermissionGranted)
				.filter(permission -> permission.getValue() != Permissions.NONE.getValue()
						&& permission.getValue() != Permissions.ALL.getValue())
				.toList();
			if (!held.isEmpty()) {
				held.forEach(granted::removePermission);
				authorizations.saveAuthorization(granted);
			}
		}
	}

	private void apply(Grant grant) {
		apply(authorizations, grant);
	}

	private static void apply(AuthorizationService authorizations, Grant grant) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(grant.group().id())
			.resourceType(grant.resource())
			.resourceId(grant.resourceId())
			.singleResult();
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(grant.group().id());
			authorization.setResource(grant.resource());
			authorization.setResourceId(grant.resourceId());
		}
		Authorization toSave = authorization;
		boolean missing = grant.permissions().stream().anyMatch(permission -> !toSave.isPermissionGranted(permission));
		if (missing) {
			grant.permissions().forEach(toSave::addPermission);
			authorizations.saveAuthorization(toSave);
		}
	}
}
