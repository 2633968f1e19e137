package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemVariables.*;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.system.InvalidInput;

/**
 * The "Close action item" building block (template {@code io.firebreak.CloseActionItem}): records
 * the owner's outcome ({@code actionItemOutcome} done or wontDo, with {@code actionItemOutcomeReason})
 * on the item, which /postmortems and the dashboard show. Runs with the owner's completion, so a refusal reaches them.
 */
@Component
public class CloseActionItemDelegate implements JavaDelegate {

	private final ActionItems actionItems;
	private final Clock clock;

	CloseActionItemDelegate(ActionItems actionItems, Clock clock) {
		this.actionItems = actionItems;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		ActionItem.Status outcome = switch (String.valueOf(variables.text(ACTION_ITEM_OUTCOME))) {
			case "done" -> ActionItem.Status.DONE;
			case "wontDo" -> ActionItem.Status.WONT_DO;
			default -> throw new InvalidInput(ACTION_ITEM_OUTCOME, "Outcome must be done or wontDo");
		};
		String reason = outcome == ActionItem.Status.WONT_DO ? variables.text(ACTION_ITEM_OUTCOME_REASON) : null;
		String by = SignedInUser.of(execution, variables.text(ACTION_ITEM_OWNER));
		// the timeline has the outcome already: the plan kit records every completed task with what it submitted
		actionItems.close(((Number) execution.getVariable(ACTION_ITEM_ID)).longValue(), outcome, reason, by,
				clock.instant());
	}
}
