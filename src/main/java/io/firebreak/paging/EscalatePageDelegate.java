package io.firebreak.paging;

import static io.firebreak.incident.IncidentResponseVariables.ESCALATION_LEVEL;
import static io.firebreak.incident.IncidentResponseVariables.PAGED_RESPONDER;
import static io.firebreak.incident.IncidentResponseVariables.PAGED_TEAM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;

/** The acknowledgement timer ran out: page the next person in the chain that was paged. */
@Component
public class EscalatePageDelegate implements JavaDelegate {

	private final Pager pager;

	EscalatePageDelegate(Pager pager) {
		this.pager = pager;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		int level = variables.number(ESCALATION_LEVEL) + 1;
		variables.set(PAGED_RESPONDER, pager.page(variables.incidentKey(), variables.text(PAGED_TEAM), level,
				variables.text(PAGED_RESPONDER)));
		variables.set(ESCALATION_LEVEL, level);
	}
}
