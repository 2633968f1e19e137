package io.firebreak.plan;

import java.util.Optional;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A Camunda Form that a user task or start event names with {@code camunda:formRef}, as the
 * author bound it: to the form deployed with the plan, the latest one, one version or a version tag.
 */
record FormReference(String key, String binding, String version) {

	static final String BINDING_DEPLOYMENT = "deployment";
	static final String BINDING_LATEST = "latest";
	static final String BINDING_VERSION = "version";
	static final String BINDING_VERSION_TAG = "versionTag";

	/** Absent when the element has no form, or names it by an expression only known at run time. */
	static Optional<FormReference> of(Element element) {
		String key = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
		if (key == null || key.isBlank() || key.contains("${") || key.contains("#{")) {
			return Optional.empty();
		}
		String binding = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRefBinding");
		String version = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRefVersion");
		return Optional.of(new FormReference(key.strip(), binding == null ? BINDING_LATEST : binding.strip(),
				version == null || version.isBlank() ? null : version.strip()));
	}
}
