package io.firebreak.plan;

import static org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.xml.Element;

import io.firebreak.incident.Milestone;

/** Reads what an author set in Modeler off a parsed BPMN element, and names the element as Modeler shows it. */
final class ModelElements {

	private ModelElements() {
	}

	/** "User task 'Assess incident' (UserTask_AssessIncident)": the kind, the name and the id an author finds in Modeler. */
	static String label(Element element) {
		String name = element.attribute("name");
		String id = element.attribute("id");
		String kind = kind(element.getTagName());
		return name == null || name.isBlank() ? kind + " " + id : kind + " '" + name.strip() + "' (" + id + ")";
	}

	/** "userTask" → "User task". */
	private static String kind(String tagName) {
		String words = tagName.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** A Camunda attribute (camunda:formRef, …), empty when absent or blank. */
	static Optional<String> camunda(Element element, String attribute) {
		return Optional.ofNullable(element.attributeNS(CAMUNDA_BPMN_EXTENSIONS_NS, attribute)).filter(v -> !v.isBlank())
			.map(String::strip);
	}

	/** The value of a {@code camunda:property} of the element's own extension elements. */
	static Optional<String> property(Element element, String name) {
		Element extensions = element.element("extensionElements");
		if (extensions == null) {
			return Optional.empty();
		}
		return extensions.elementsNS(CAMUNDA_BPMN_EXTENSIONS_NS, "properties").stream()
			.flatMap(properties -> properties.elementsNS(CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream())
			.filter(property -> name.equals(property.attribute("name")))
			.map(property -> property.attribute("value"))
			.filter(value -> value != null && !value.isBlank())
			.map(String::strip)
			.findFirst();
	}

	static boolean hasMilestone(Element element, String milestone) {
		return property(element, Milestone.PROPERTY).filter(milestone::equals).isPresent();
	}

	/** The element and everything inside it, sub-processes and extension elements included, in document order. */
	static Stream<Element> allOf(Element element) {
		List<Element> all = new ArrayList<>();
		collect(element, all);
		return all.stream();
	}

	private static void collect(Element element, List<Element> all) {
		all.add(element);
		element.elements().forEach(child -> collect(child, all));
	}

	static boolean isCamunda(Element element) {
		return CAMUNDA_BPMN_EXTENSIONS_NS.getNamespaceUri().equals(element.getUri());
	}
}
