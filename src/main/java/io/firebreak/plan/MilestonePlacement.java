package io.firebreak.plan;

import static io.firebreak.plan.ModelElements.label;
import static io.firebreak.plan.ModelElements.property;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.impl.util.xml.Element;

import io.firebreak.incident.Milestone;

/**
 * A milestone is a value Firebreak knows, on an element where it can be reached: a typo would
 * otherwise leave the record behind the plan without anyone noticing.
 */
final class MilestonePlacement {

	/** Where the milestones that are not a step's outcome belong. */
	private static final Map<Milestone, String> ONLY_ON = Map.of(Milestone.DECLARED, "startEvent",
			Milestone.PRIORITISED, "businessRuleTask", Milestone.CLOSED, "endEvent");
	private static final Map<String, String> ELEMENT_NAMES = Map.of("startEvent", "a start event",
			"businessRuleTask", "a business rule task", "endEvent", "an end event");

	/** Where a step's milestone is reached: a person's task, a called plan, or a throw event. */
	private static final Set<String> STEPS = Set.of("userTask", "callActivity", "intermediateThrowEvent");

	private final BiConsumer<String, Element> problems;

	MilestonePlacement(BiConsumer<String, Element> problems) {
		this.problems = problems;
	}

	void check(Element element) {
		Optional<String> value = property(element, Milestone.PROPERTY);
		if (value.isEmpty()) {
			return;
		}
		Optional<Milestone> milestone = Milestone.of(value.get());
		if (milestone.isEmpty()) {
			problems.accept(label(element) + " has milestone '" + value.get() + "', which Firebreak does not know: use "
					+ "one of " + Milestone.allValues(), element);
			return;
		}
		String tag = element.getTagName();
		String onlyOn = ONLY_ON.get(milestone.get());
		boolean misplaced = onlyOn != null ? !onlyOn.equals(tag)
				: !STEPS.contains(tag);
		if (misplaced) {
			problems.accept(label(element) + " has milestone '" + value.get() + "', which belongs on "
					+ (onlyOn != null ? ELEMENT_NAMES.get(onlyOn)
							: "a user task, a call activity (a called plan) or an intermediate throw event"),
					element);
		}
	}
}
