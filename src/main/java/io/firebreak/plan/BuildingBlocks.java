package io.firebreak.plan;

import static io.firebreak.plan.ModelElements.camunda;
import static io.firebreak.plan.ModelElements.label;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * A plan's Java lives in building blocks: Spring beans named by {@code ${beanName}}. An unknown
 * name, or a bean of the wrong kind, would deploy fine and fail the first incident that reaches
 * it; a {@code camunda:class} would put plan-specific Java in the diagram. Both are refused.
 */
final class BuildingBlocks {

	private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{\\s*([A-Za-z_$][A-Za-z0-9_$]*)\\s*}$");

	private final ListableBeanFactory beans;
	private final BiConsumer<String, Element> problems;

	BuildingBlocks(ListableBeanFactory beans, BiConsumer<String, Element> problems) {
		this.beans = beans;
		this.problems = problems;
	}

	/** Checks a flow element (or the process): its own delegate, its event definitions' and its listeners'. */
	void check(Element element) {
		checkDelegate(element, element);
		element.elements().stream().filter(child -> child.getTagName().endsWith("EventDefinition"))
			.forEach(definition -> checkDelegate(element, definition));
		Element extensions = element.element("extensionElements");
		if (extensions != null) {
			extensions.elements().stream().filter(ModelElements::isCamunda).forEach(listener -> {
				switch (listener.getTagName()) {
					case "executionListener" -> checkListener(element, listener, ExecutionListener.class, "execution listener");
					case "taskListener" -> checkListener(element, listener, TaskListener.class, "task listener");
					default -> {
					}
				}
			});
		}
	}

	private void checkDelegate(Element owner, Element element) {
		camunda(element, "class").ifPresent(className -> refuseClass(owner, className));
		camunda(element, "variableMappingClass").ifPresent(className -> refuseClass(owner, className));
		camunda(element, "delegateExpression")
			.ifPresent(expression -> checkBean(owner, expression, JavaDelegate.class, "calls"));
	}

	private void checkListener(Element owner, Element listener, Class<?> kind, String what) {
		Optional.ofNullable(listener.attribute("class")).filter(c -> !c.isBlank())
			.ifPresent(className -> refuseClass(owner, className));
		Optional.ofNullable(listener.attribute("delegateExpression")).filter(e -> !e.isBlank())
			.ifPresent(expression -> checkBean(owner, expression.strip(), kind, "has the " + what));
	}

	private void refuseClass(Element owner, String className) {
		problems.accept(label(owner) + " names the Java class '" + className + "' (camunda:class): Firebreak plans use "
				+ "building blocks only: apply a Firebreak template, which sets a delegate expression such as "
				+ "${pageOnCallDelegate}", owner);
	}

	private void checkBean(Element owner, String expression, Class<?> kind, String verb) {
		Matcher reference = BEAN_REFERENCE.matcher(expression);
		String bean = reference.matches() ? reference.group(1) : null;
		if (bean != null && beans.containsBean(bean) && beans.isTypeMatch(bean, kind)) {
			return;
		}
		String why = bean == null ? "which is not a building block (a building block is ${beanName})"
				: beans.containsBean(bean) ? "which is no " + kind.getSimpleName() + " building block"
						: "which is no Firebreak building block";
		problems.accept(label(owner) + " " + verb + " '" + expression + "', " + why + ": use one of "
				+ known(kind) + ", or apply a Firebreak template", owner);
	}

	private String known(Class<?> kind) {
		String[] names = beans.getBeanNamesForType(kind, true, false);
		return Arrays.stream(names).sorted().map(name -> "${" + name + "}").reduce((a, b) -> a + ", " + b)
			.orElse("(none)");
	}
}
