package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.roster.Roster;

/**
 * The "Publish postmortem" building block (template {@code io.firebreak.PublishPostmortem}):
 * publishes what the review recorded, approved by whoever completed the approval. It runs in the
 * approver's transaction, so a report without a root cause, the impact or action items (or why
 * none are needed) is refused to them with what to add, and nothing is published.
 */
@Component
public class PublishPostmortemDelegate implements JavaDelegate {

	private final Postmortems postmortems;
	private final Roster roster;

	PublishPostmortemDelegate(Postmortems postmortems, Roster roster) {
		this.postmortems = postmortems;
		this.roster = roster;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		String key = variables.incidentKey().value();
		boolean noneNeeded = variables.flag(NO_ACTION_ITEMS_NEEDED);
		List<ActionItem> items = noneNeeded ? List.of() : ActionItem.fromJson(key, ActionItemSlots.json(execution::getVariable));
		items.forEach(item -> roster.requirePerson(ACTION_ITEMS, item.owner()));
		// a reason left from an earlier round counts only while "no action items needed" is ticked
		PostmortemSections sections = PostmortemSections.of(name -> noneNeeded || !NO_ACTION_ITEMS_REASON.equals(name)
				? execution.getVariable(name) : null);
		postmortems.assignOwner(variables.incidentKey(), variables.text(POSTMORTEM_OWNER));
		postmortems.assembleTimeline(variables.incidentKey());
		postmortems.publish(variables.incidentKey(), sections, items,
				SignedInUser.of(execution, variables.text(IncidentResponseVariables.COMMANDER)));
	}
}
