package io.firebreak.plan;

import static io.firebreak.plan.ModelElements.allOf;
import static io.firebreak.plan.ModelElements.camunda;
import static io.firebreak.plan.ModelElements.label;
import static io.firebreak.plan.ModelElements.property;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ListableBeanFactory;

import io.firebreak.retention.RetentionPolicy;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;

/**
 * The checks a plan passes before Camunda deploys it: its forms and decisions are there, its
 * building blocks exist, its milestones are known and in place, it keeps its history at least as long as the
 * retention policy asks (io.firebreak.retention.RetentionPolicy), the owner it names (who reviews it)
 * is on the roster, and a response plan meets the plan
 * policy. Each problem goes to the parse as an error with its element, so Camunda collects all of
 * them, refuses the whole deployment with one ParseException and /engine-rest answers 400 listing
 * them; nothing of a refused deployment is kept. One instance checks one parse.
 */
final class PlanDeploymentChecks extends AbstractBpmnParseListener {

	private final BiConsumer<String, Element> problems;
	/** The new deployment's resources, or null when the parse loads a plan deployed before. */
	private final Supplier<DeploymentResources> resources;
	private final ListableBeanFactory beans;
	private PlanReferences references;

	PlanDeploymentChecks(BiConsumer<String, Element> problems, Supplier<DeploymentResources> resources,
			ListableBeanFactory beans) {
		this.problems = problems;
		this.resources = resources;
		this.beans = beans;
	}

	/** Called by {@link BpmnParse} once a process is parsed, with the process's XML element. */
	@Override
	public void parseProcess(Element process, ProcessDefinitionEntity definition) {
		if (references == null) {
			DeploymentResources deployment = resources.get();
			if (deployment == null) {
				return; // a deployed plan loaded again, not a new deployment
			}
			references = new PlanReferences(deployment, problems);
		}
		Optional<String> timeToLive = camunda(process, "historyTimeToLive");
		if (timeToLive.isEmpty()) {
			problems.accept(label(process) + " has no history time to live: set 'History cleanup > Time to live' in "
					+ "Modeler's properties panel (camunda:historyTimeToLive, for example P400D), so that the history "
					+ "of finished incidents is cleaned up", process);
		}
		else {
			checkRetention(process, timeToLive.get());
		}
		property(process, ResponsePlan.OWNER_PROPERTY).ifPresent(owner -> checkOwner(process, owner));
		BuildingBlocks buildingBlocks = new BuildingBlocks(beans, problems);
		MilestonePlacement milestones = new MilestonePlacement(problems);
		allOf(process).filter(PlanDeploymentChecks::isModelElement).forEach(element -> {
			references.check(element);
			buildingBlocks.check(element);
			milestones.check(element);
		});
		new PlanPolicy(references, problems).check(process);
	}

	/** The owner reviews the plan (io.firebreak.planreview): someone who is not on the roster never would. */
	private void checkOwner(Element process, String owner) {
		Roster roster = beans.getBean(Roster.class);
		if (roster.person(owner).isEmpty()) {
			problems.accept(label(process) + " names '" + owner + "' as its owner (property '" + ResponsePlan.OWNER_PROPERTY
					+ "'), who is not on the roster: use the id of a person in config/roster.yaml, one of "
					+ roster.people().stream().map(Person::id).toList(), process);
		}
	}

	/** Long enough for the retention policy; a value Camunda cannot read is Camunda's own parse error. */
	private void checkRetention(Element process, String timeToLive) {
		Integer days;
		try {
			days = ParseUtil.parseHistoryTimeToLive(timeToLive);
		}
		catch (RuntimeException unreadable) {
			return;
		}
		if (days != null) {
			beans.getBean(RetentionPolicy.class)
				.problem(process.attribute("id"), label(process), days)
				.ifPresent(problem -> problems.accept(problem, process));
		}
	}

	/** The process and its flow elements; event definitions are checked with the event that has them. */
	private static boolean isModelElement(Element element) {
		return !ModelElements.isCamunda(element) && element.attribute("id") != null
				&& !element.getTagName().endsWith("EventDefinition");
	}
}
