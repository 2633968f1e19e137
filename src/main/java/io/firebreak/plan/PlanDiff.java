package io.firebreak.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * What changed between two versions of a plan, element by element, matched by id: the process
 * itself and every flow element at any depth (boundary events, sub-process contents).
 */
record PlanDiff(List<ElementChange> added, List<ElementChange> removed, List<ElementChange> changed) {

	static PlanDiff between(Process older, Process newer) {
		Map<String, BaseElement> before = elements(older);
		Map<String, BaseElement> after = elements(newer);
		List<ElementChange> added = new ArrayList<>();
		List<ElementChange> removed = new ArrayList<>();
		List<ElementChange> changed = new ArrayList<>();
		after.forEach((id, element) -> {
			BaseElement previous = before.get(id);
			if (previous == null) {
				added.add(ElementChange.of(element, List.of()));
				return;
			}
			List<FactChange> facts = compare(ElementFacts.of(previous), ElementFacts.of(element));
			if (!facts.isEmpty()) {
				changed.add(ElementChange.of(element, facts));
			}
		});
		before.forEach((id, element) -> {
			if (!after.containsKey(id)) {
				removed.add(ElementChange.of(element, List.of()));
			}
		});
		return new PlanDiff(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
	}

	public boolean isEmpty() {
		return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
	}

	/** Ids of the elements added or changed, for marking them on the diagram. */
	List<String> addedIds() {
		return added.stream().map(ElementChange::id).toList();
	}

	List<String> changedIds() {
		return changed.stream().map(ElementChange::id).toList();
	}

	private static Map<String, BaseElement> elements(Process process) {
		Map<String, BaseElement> elements = new LinkedHashMap<>();
		elements.put(process.getId(), process);
		collect(process.getFlowElements(), elements);
		return elements;
	}

	private static void collect(Iterable<FlowElement> flowElements, Map<String, BaseElement> into) {
		for (FlowElement element : flowElements) {
			into.put(element.getId(), element);
			if (element instanceof SubProcess subProcess) { // transactions and event sub-processes too
				collect(subProcess.getFlowElements(), into);
			}
		}
	}

	private static List<FactChange> compare(Map<String, String> before, Map<String, String> after) {
		Set<String> facts = new LinkedHashSet<>(before.keySet());
		facts.addAll(after.keySet());
		List<FactChange> changes = new ArrayList<>();
		for (String fact : facts) {
			if (!Objects.equals(before.get(fact), after.get(fact))) {
				changes.add(new FactChange(fact, before.get(fact), after.get(fact)));
			}
		}
		return changes;
	}

	/** One element added, removed or changed; {@code facts} says how a changed one changed. */
	record ElementChange(String id, String name, String type, List<FactChange> facts) {

		static ElementChange of(BaseElement element, List<FactChange> facts) {
			String name = element instanceof FlowElement flowElement ? flowElement.getName()
					: element instanceof Process process ? process.getName() : null;
			return new ElementChange(element.getId(), name, element.getElementType().getTypeName(), facts);
		}

		/** "name (id)", or the id alone for an element without a name. */
		public String label() {
			return name == null || name.isBlank() ? id : name.strip() + " (" + id + ")";
		}
	}

	/** One fact of an element, before and after; null where the fact is absent. */
	record FactChange(String fact, String before, String after) {
	}
}
