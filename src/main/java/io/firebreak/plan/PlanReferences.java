package io.firebreak.plan;

import static io.firebreak.plan.ModelElements.camunda;
import static io.firebreak.plan.ModelElements.label;

import java.util.Optional;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.impl.util.xml.Element;

import com.fasterxml.jackson.databind.JsonNode;

import io.firebreak.plan.DeployedDefinitions.Binding;

/**
 * The forms and decision tables a plan's elements reference must be there when the element runs:
 * in the same deployment for binding {@code deployment}, among deployed definitions (or this
 * deployment) otherwise. Without this check Camunda deploys the diagram and fails each incident.
 */
final class PlanReferences {

	private final DeploymentResources resources;
	private final BiConsumer<String, Element> problems;

	PlanReferences(DeploymentResources resources, BiConsumer<String, Element> problems) {
		this.resources = resources;
		this.problems = problems;
	}

	void check(Element element) {
		String tag = element.getTagName();
		if (tag.equals("userTask") || tag.equals("startEvent")) {
			camunda(element, "formRef").filter(PlanReferences::isFixed).ifPresent(form -> {
				if (formOf(element).isEmpty()) {
					problems.accept(missingForm(element, form, formBinding(element)), element);
				}
			});
		}
		if (tag.equals("businessRuleTask")) {
			camunda(element, "decisionRef").filter(PlanReferences::isFixed).ifPresent(decision -> {
				Binding binding = Binding.of(camunda(element, "decisionRefBinding").orElse(null),
						camunda(element, "decisionRefVersion").orElse(null),
						camunda(element, "decisionRefVersionTag").orElse(null));
				boolean found = binding.kind().equals("deployment") ? resources.hasDecision(decision)
						: resources.hasDecision(decision) || DeployedDefinitions.hasDecision(decision, binding);
				if (!found) {
					problems.accept(missingDecision(element, decision, binding), element);
				}
			});
		}
	}

	/** The form a user task or start event shows, as the binding will find it; empty when it is nowhere. */
	Optional<JsonNode> formOf(Element element) {
		Optional<String> formRef = camunda(element, "formRef");
		if (formRef.isEmpty() || !isFixed(formRef.get())) {
			return Optional.empty();
		}
		Binding binding = formBinding(element);
		Optional<JsonNode> inDeployment = resources.form(formRef.get());
		if (binding.kind().equals("deployment")) {
			return inDeployment;
		}
		return inDeployment.or(() -> DeployedDefinitions.form(formRef.get(), binding));
	}

	private static Binding formBinding(Element element) {
		return Binding.of(camunda(element, "formRefBinding").orElse(null), camunda(element, "formRefVersion").orElse(null),
				null);
	}

	private static String missingForm(Element element, String form, Binding binding) {
		if (binding.kind().equals("deployment")) {
			return label(element) + " uses form '" + form + "' with binding 'deployment', but the deployment has no such "
					+ "form: deploy the form with the diagram, or use binding 'latest'";
		}
		return label(element) + " uses form '" + form + "' with " + binding.describe() + ", but no such form is deployed: "
				+ "deploy the form (a .form file whose id is '" + form + "') with the diagram";
	}

	private static String missingDecision(Element element, String decision, Binding binding) {
		if (binding.kind().equals("deployment")) {
			return label(element) + " evaluates decision '" + decision + "' with binding 'deployment', but the deployment "
					+ "has no such decision: deploy the decision table (.dmn) with the diagram, or use binding 'latest'";
		}
		return label(element) + " evaluates decision '" + decision + "' with " + binding.describe()
				+ ", but no such decision is deployed: deploy the decision table (.dmn) with the diagram";
	}

	/** An expression picks its form or decision at run time: nothing to check at deploy time. */
	private static boolean isFixed(String reference) {
		return !reference.contains("${") && !reference.contains("#{");
	}
}
