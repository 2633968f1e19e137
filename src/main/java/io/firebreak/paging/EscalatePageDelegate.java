package io.firebreak.paging;

import static io.firebreak.incident.IncidentResponseVariables.ESCALATION_LEVEL;
import static io.firebreak.incident.IncidentResponseVariables.PAGED_RESPONDER;
import static io.firebreak.incident.IncidentResponseVariables.PAGED_TEAM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;

/** The acknowledgement timer ran out: page the next step of the escalation policy that was paged. */
@Component
public class EscalatePageDelegate implements JavaDelegate {

	private final Pager pager;

	EscalatePageDelegate(Pager pager) {
		this.pager = pager;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		Pager.Page page = pager.page(variables.incidentKey(), execution.getProcessInstanceId(),
				variables.text(PAGED_TEAM), variables.number(ESCALATION_LEVEL) + 1, variables.text(PAGED_RESPONDER),
				PageVariables.severityTimeout(variables));
		PageVariables.record(variables, page);
	}
}
