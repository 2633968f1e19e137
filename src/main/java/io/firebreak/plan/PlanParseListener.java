package io.firebreak.plan;

import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

import io.firebreak.incident.Milestone;

/**
 * Attaches Firebreak's record-keeping to every plan as it is deployed, so that authors add no
 * listeners: each user task is checked against its form and recorded when completed, and each
 * element carrying a {@code firebreak.milestone} moves the incident on when it ends.
 */
class PlanParseListener extends AbstractBpmnParseListener {

	private final Supplier<PlanSteps> steps;

	PlanParseListener(Supplier<PlanSteps> steps) {
		this.steps = steps;
	}

	@Override
	public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		Optional<FormReference> form = FormReference.of(element);
		Optional<Milestone> milestone = milestone(element);
		// not markForLeaving: a task's milestone is reached at completion, not again on its outgoing flow
		milestone.ifPresent(reached -> activity.setProperty(Milestone.OF_TASK, reached));
		TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
		task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
				created -> steps.get().taskCreated(created, form));
		task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
				completed -> steps.get().taskCompleted(completed, form, milestone));
	}

	@Override
	public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		Optional<FormReference> form = FormReference.of(element);
		Optional<Milestone> milestone = milestone(element);
		if (form.isPresent() || milestone.isPresent()) {
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
					(ExecutionListener) ended -> steps.get().elementEnded(ended, form, milestone));
		}
	}

	@Override
	public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		markForLeaving(element, activity);
	}

	@Override
	public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		markForLeaving(element, activity);
	}

	/** A called plan (the postmortem) reaches its milestone when it has finished and the flow moves on. */
	@Override
	public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
		markForLeaving(element, activity);
	}

	@Override
	public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		markForLeaving(element, activity);
	}

	@Override
	public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		milestone(element).ifPresent(milestone -> activity.addBuiltInListener(ExecutionListener.EVENTNAME_END,
				(ExecutionListener) ended -> steps.get().elementEnded(ended, Optional.empty(), Optional.of(milestone))));
	}

	/**
	 * A task's output mappings (the priority table's results, for one) are written only after its
	 * end listeners ran, so the milestone of an element that is left is applied as the execution
	 * takes an outgoing flow.
	 */
	@Override
	public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
		Object milestone = transition.getSource().getProperty(Milestone.PROPERTY);
		if (milestone instanceof Milestone reached) {
			transition.addBuiltInListener(ExecutionListener.EVENTNAME_TAKE,
					(ExecutionListener) taken -> steps.get().elementEnded(taken, Optional.empty(), Optional.of(reached)));
		}
	}

	private void markForLeaving(Element element, ActivityImpl activity) {
		milestone(element).ifPresent(milestone -> activity.setProperty(Milestone.PROPERTY, milestone));
	}

	/** The element's {@code firebreak.milestone}; an unknown value is refused by the deploy checks. */
	static Optional<Milestone> milestone(Element element) {
		return ModelElements.property(element, Milestone.PROPERTY).flatMap(Milestone::of);
	}
}
