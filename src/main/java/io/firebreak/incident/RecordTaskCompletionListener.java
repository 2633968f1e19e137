package io.firebreak.incident;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On every user task's completion: check what the form submitted and write who decided what
 * to the incident record. Throwing here rejects the completion, so nothing is half-written.
 */
@Component
public class RecordTaskCompletionListener implements TaskListener {

	private final IncidentLifecycle lifecycle;

	RecordTaskCompletionListener(IncidentLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void notify(DelegateTask task) {
		IncidentResponseVariables form = IncidentResponseVariables.of(task);
		lifecycle.completeTask(form.incidentKey(), IncidentTask.byDefinitionKey(task.getTaskDefinitionKey()), form,
				completedBy(task), task.getName());
	}

	private static String completedBy(DelegateTask task) {
		Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return authentication != null ? authentication.getUserId() : task.getAssignee();
	}
}
