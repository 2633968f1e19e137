package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemVariables.POSTMORTEM_OWNER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentResponseVariables;

/**
 * The "Assemble postmortem timeline" building block (template
 * {@code io.firebreak.AssemblePostmortemTimeline}): opens the incident's postmortem, owned by
 * {@code postmortemOwner} (else the commander), and assembles its timeline anew.
 */
@Component
public class AssemblePostmortemTimelineDelegate implements JavaDelegate {

	private final Postmortems postmortems;

	AssemblePostmortemTimelineDelegate(Postmortems postmortems) {
		this.postmortems = postmortems;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		String owner = variables.text(POSTMORTEM_OWNER);
		if (owner == null || owner.isBlank()) {
			owner = variables.text(IncidentResponseVariables.COMMANDER);
			variables.set(POSTMORTEM_OWNER, owner);
		}
		postmortems.open(variables.incidentKey(), owner);
		postmortems.assembleTimeline(variables.incidentKey());
	}
}
