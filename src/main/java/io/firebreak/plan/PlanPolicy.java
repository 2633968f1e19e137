package io.firebreak.plan;

import static io.firebreak.plan.ModelElements.allOf;
import static io.firebreak.plan.ModelElements.camunda;
import static io.firebreak.plan.ModelElements.hasMilestone;
import static io.firebreak.plan.ModelElements.property;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.impl.util.xml.Element;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every response plan must do, whoever drew it: page someone, have a commander, tell
 * stakeholders, and end with a review (or say why none is needed). A response plan is a process
 * whose start event has milestone {@code declared}; other processes (follow-ups, sub-plans) are
 * not held to it. Each broken rule is one problem that says what to add.
 */
final class PlanPolicy {

	static final String NO_REVIEW_REASON = "firebreak.noReviewReason";
	private static final String PAGING_BLOCK = "${pageOnCallDelegate}";
	/** Notify building blocks are named notify…Delegate (today notifyResolutionDelegate). */
	private static final Predicate<String> NOTIFY_BLOCK = expression -> expression.matches("\\$\\{\\s*notify\\w*Delegate\\s*}");

	private final PlanReferences references;
	private final BiConsumer<String, Element> problems;

	PlanPolicy(PlanReferences references, BiConsumer<String, Element> problems) {
		this.references = references;
		this.problems = problems;
	}

	static boolean isResponsePlan(Element process) {
		return process.elements("startEvent").stream().anyMatch(start -> hasMilestone(start, "declared"));
	}

	void check(Element process) {
		if (!isResponsePlan(process)) {
			return;
		}
		List<Element> elements = allOf(process).toList();
		String plan = "Response plan " + describe(process);
		if (elements.stream().noneMatch(e -> isServiceTask(e) && delegate(e).equals(PAGING_BLOCK))) {
			problems.accept(plan + " pages nobody: add a service task that pages the on-call "
					+ "(template 'Firebreak: Page on-call', " + PAGING_BLOCK + ")", process);
		}
		if (elements.stream().noneMatch(this::isCommanderTask)) {
			problems.accept(plan + " has no commander: add a user task with milestone 'assessed' whose form has "
					+ "a field with key 'commander'", process);
		}
		if (elements.stream().noneMatch(e -> isServiceTask(e) && NOTIFY_BLOCK.test(delegate(e)))) {
			problems.accept(plan + " tells no stakeholders: add a service task that notifies them "
					+ "(template 'Firebreak: Notify', ${notifyResolutionDelegate})", process);
		}
		boolean reviewed = elements.stream()
			.anyMatch(e -> (isUserTask(e) || isCallActivity(e)) && hasMilestone(e, "reviewed"));
		if (!reviewed && property(process, NO_REVIEW_REASON).isEmpty()) {
			problems.accept(plan + " ends with no review: add a user task or a call activity (the postmortem plan) with milestone "
					+ "'reviewed', or give the "
					+ "process the property '" + NO_REVIEW_REASON + "' saying why no review is needed", process);
		}
	}

	private boolean isCommanderTask(Element element) {
		return isUserTask(element) && hasMilestone(element, "assessed")
				&& references.formOf(element).map(PlanPolicy::hasCommanderField).orElse(false);
	}

	/** Fields may sit in groups and dynamic lists: look through every component. */
	private static boolean hasCommanderField(JsonNode form) {
		if ("commander".equals(form.path("key").asText(null))) {
			return true;
		}
		return StreamSupport.stream(form.path("components").spliterator(), false).anyMatch(PlanPolicy::hasCommanderField);
	}

	private static String describe(Element process) {
		String name = process.attribute("name");
		return (name == null || name.isBlank() ? "" : "'" + name.strip() + "' ") + "(" + process.attribute("id") + ")";
	}

	private static boolean isServiceTask(Element element) {
		return element.getTagName().equals("serviceTask") && !ModelElements.isCamunda(element);
	}

	private static boolean isUserTask(Element element) {
		return element.getTagName().equals("userTask") && !ModelElements.isCamunda(element);
	}

	private static boolean isCallActivity(Element element) {
		return element.getTagName().equals("callActivity") && !ModelElements.isCamunda(element);
	}

	private static String delegate(Element element) {
		return camunda(element, "delegateExpression").map(e -> e.replace(" ", "")).orElse("");
	}
}
