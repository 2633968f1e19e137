package io.firebreak.paging;

import static io.firebreak.incident.IncidentResponseVariables.PAGED_TEAM;
import static io.firebreak.incident.IncidentResponseVariables.PAGE_LEVEL;
import static io.firebreak.incident.IncidentResponseVariables.PAGE_TEAM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;

/**
 * The "Page on-call" building block. Its optional inputs (element template
 * {@code io.firebreak.PageOnCall}) are local to the step: {@code pageTeam}, a roster team
 * (empty: the team that owns the incident's service), and {@code pageLevel}, which step of that
 * team's escalation policy is paged first (empty: its first level). Without them it pages the first
 * level of the escalation policy of the team that owns the incident's service. It leaves the
 * responder, the step and its acknowledgement timeout in {@code pagedResponder},
 * {@code escalationLevel} and {@code pageAckTimeout}, and {@code escalationExhausted} true when
 * the step paged was the policy's last.
 */
@Component
public class PageOnCallDelegate implements JavaDelegate {

	private final Pager pager;

	PageOnCallDelegate(Pager pager) {
		this.pager = pager;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		String team = blankToNull(execution.getVariableLocal(PAGE_TEAM));
		int level = level(execution.getVariableLocal(PAGE_LEVEL));
		PageVariables.record(variables, pager.page(variables.incidentKey(), execution.getProcessInstanceId(), team,
				level, null, PageVariables.severityTimeout(variables)));
		// Escalation continues in the chain that was paged; written only when a team was named, or
		// when an earlier step named one, so a plan without the input keeps the variables it always had.
		if (team != null || execution.hasVariable(PAGED_TEAM)) {
			variables.set(PAGED_TEAM, team);
		}
	}

	private static String blankToNull(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	// An input parameter's text arrives as a string ("1"), an expression's result as a number.
	private static int level(Object value) {
		if (value instanceof Number number) {
			return requireLevel(number.intValue(), value);
		}
		String text = blankToNull(value);
		if (text == null) {
			return 0;
		}
		try {
			return requireLevel(Integer.parseInt(text), value);
		}
		catch (NumberFormatException e) {
			throw badLevel(value);
		}
	}

	private static int requireLevel(int level, Object value) {
		if (level < 0) {
			throw badLevel(value);
		}
		return level;
	}

	private static IllegalArgumentException badLevel(Object value) {
		return new IllegalArgumentException("Page on-call: input " + PAGE_LEVEL
				+ " must be a step of the escalation policy, 0 (its first level), 1 (the next), ... (was '" + value + "')");
	}
}
