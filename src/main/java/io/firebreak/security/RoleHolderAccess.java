package io.firebreak.security;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentRoleHoldersChanged;
import io.firebreak.incident.IncidentType;

/**
 * Need-to-know in Camunda for the people holding a role on a security incident: its plan is granted
 * to the security team only (io.firebreak.roster.AccessPolicy), so a commander or responder from
 * outside the team gets grants on that incident's own instances, runtime and history, as they take
 * a role. Tasks assigned to them they see anyway, as Camunda grants an assignee its task. Grants stay
 * when the role moves on: what they saw, they may still read.
 */
@Component
class RoleHolderAccess {

	private final RuntimeService runtime;
	private final AuthorizationService authorizations;
	private final CommandExecutor commands;

	RoleHolderAccess(ProcessEngine engine) {
		this.runtime = engine.getRuntimeService();
		this.authorizations = engine.getAuthorizationService();
		this.commands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
	}

	@EventListener
	void roleHoldersChanged(IncidentRoleHoldersChanged changed) {
		Incident incident = changed.incident();
		if (incident.type() != IncidentType.SECURITY) {
			return;
		}
		Set<String> holders = Viewer.roleHolders(incident);
		// the holder asks for nothing: Firebreak grants, and whoever triggered it may not grant in Camunda
		commands.execute(context -> {
			context.runWithoutAuthorization(() -> {
				runtime.createProcessInstanceQuery().processInstanceBusinessKey(incident.key().value()).list()
					.forEach(instance -> holders.forEach(holder -> {
						grant(holder, Resources.PROCESS_INSTANCE, instance.getId(), ProcessInstancePermissions.READ);
						grant(holder, Resources.HISTORIC_PROCESS_INSTANCE, instance.getId(),
								HistoricProcessInstancePermissions.READ);
					}));
				return null;
			});
			return null;
		});
	}

	private void grant(String userId, Resource resource, String resourceId, Permission permission) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.userIdIn(userId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setUserId(userId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		if (!authorization.isPermissionGranted(permission)) {
			authorization.addPermission(permission);
			authorizations.saveAuthorization(authorization);
		}
	}
}
