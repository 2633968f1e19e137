package io.firebreak.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Artifact;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.impl.ModelInstanceImpl;
import org.camunda.bpm.model.xml.impl.util.ModelUtil;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.type.ModelElementType;
import org.camunda.bpm.model.xml.type.attribute.Attribute;

/**
 * What one element of a plan says, as "fact → value" (its type, every attribute the Camunda
 * model knows for it, and what its child elements say: condition expressions, timer definitions,
 * extension properties, listeners, input/output mappings), so that two versions of an element
 * compare as two maps. Generic on purpose: a Camunda attribute we never thought of still shows up.
 */
final class ElementFacts {

	/** Child elements described elsewhere (flow elements by their own id) or that only repeat the flows. */
	private static final Set<String> SKIPPED = Set.of("incoming", "outgoing");

	/** Containers that add nothing to a fact's name. */
	private static final Set<String> TRANSPARENT = Set.of("extensionElements", "camunda:properties");

	private ElementFacts() {
	}

	static Map<String, String> of(ModelElementInstance element) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("type", element.getElementType().getTypeName());
		attributes(element, "", null, facts);
		children(element, "", facts);
		return facts;
	}

	private static void attributes(ModelElementInstance element, String path, String discriminator,
			Map<String, String> facts) {
		for (Attribute<?> attribute : allAttributes(element.getElementType())) {
			String name = attribute.getAttributeName();
			if (name.equals("id") || name.equals(discriminator)) {
				continue; // ids of nested elements are generated noise; the element's own id is its key
			}
			Object value = attribute.getValue(element);
			if (value != null) {
				boolean ownCamundaAttribute = path.isEmpty() && isCamunda(attribute.getNamespaceUri());
				facts.put(path + (ownCamundaAttribute ? "camunda:" + name : name), String.valueOf(value));
			}
		}
	}

	private static void children(ModelElementInstance element, String path, Map<String, String> facts) {
		Map<String, Integer> seen = new HashMap<>();
		for (DomElement dom : element.getDomElement().getChildElements()) {
			ModelElementInstance child = ModelUtil.getModelElement(dom, (ModelInstanceImpl) element.getModelInstance());
			String name = qualifiedName(dom);
			if (child instanceof FlowElement || child instanceof Artifact || child instanceof LaneSet
					|| SKIPPED.contains(name)) {
				continue;
			}
			if (TRANSPARENT.contains(name)) {
				children(child, path, facts);
				continue;
			}
			if (child instanceof CamundaProperty property) {
				facts.put(path + "camunda:property " + property.getCamundaName(), String.valueOf(property.getCamundaValue()));
				continue;
			}
			String discriminator = discriminator(dom);
			String segment = discriminator == null ? name : name + "[" + dom.getAttribute(discriminator) + "]";
			int occurrence = seen.merge(segment, 1, Integer::sum);
			String childPath = path + segment + (occurrence > 1 ? "#" + occurrence : "");
			String text = dom.getChildElements().isEmpty() ? dom.getTextContent() : null;
			if (text != null && !text.isBlank()) {
				facts.put(childPath, text.strip());
			}
			else {
				facts.putIfAbsent(childPath, "present");
			}
			attributes(child, childPath + " ", discriminator, facts);
			children(child, childPath + "/", facts);
		}
	}

	/** The type's own attributes and those it inherits, the most general first. */
	private static List<Attribute<?>> allAttributes(ModelElementType type) {
		List<Attribute<?>> attributes = new ArrayList<>();
		for (ModelElementType t = type; t != null; t = t.getBaseType()) {
			attributes.addAll(0, t.getAttributes());
		}
		return attributes;
	}

	/** The attribute that tells siblings of one kind apart: a parameter's or field's name, a listener's event. */
	private static String discriminator(DomElement dom) {
		for (String candidate : new String[] { "name", "event" }) {
			if (dom.hasAttribute(candidate)) {
				return candidate;
			}
		}
		return isCamunda(dom.getNamespaceURI()) && dom.hasAttribute("id") ? "id" : null;
	}

	private static String qualifiedName(DomElement dom) {
		return isCamunda(dom.getNamespaceURI()) ? "camunda:" + dom.getLocalName() : dom.getLocalName();
	}

	private static boolean isCamunda(String namespace) {
		return BpmnModelConstants.CAMUNDA_NS.equals(namespace) || BpmnModelConstants.ACTIVITI_NS.equals(namespace);
	}
}
