package io.firebreak.paging;

import static io.firebreak.incident.IncidentResponseVariables.ESCALATION_LEVEL;
import static io.firebreak.incident.IncidentResponseVariables.PAGED_RESPONDER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;

@Component
public class PageOnCallDelegate implements JavaDelegate {

	private final Pager pager;

	PageOnCallDelegate(Pager pager) {
		this.pager = pager;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		variables.set(PAGED_RESPONDER, pager.page(variables.incidentKey(), 0, null));
		variables.set(ESCALATION_LEVEL, 0);
	}
}
