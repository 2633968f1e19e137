package io.firebreak.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;

/**
 * Reads every Camunda Form of a new deployment as completing a task will ({@link FormRules#of}), so
 * that a property an author got wrong (a {@code firebreak.minItems} below 1, an empty date bound, a
 * pattern that is no regular expression) refuses the deployment instead of failing each task using
 * the form with a 500. A pre-deployer rather than a parse listener, because Modeler deploys a form on
 * its own too, with no diagram to parse. The problems go out as a {@link ParseException} with one
 * report per form file, as the diagram checks' do, so /engine-rest answers 400 naming each; the
 * deployment's transaction rolls back with it, so nothing of it is kept.
 */
final class FormDeploymentChecks implements Deployer {

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew() || deployment.getResources() == null) {
			return; // a deployed form loaded again: it was checked, or it predates the check and must still load
		}
		List<ResourceReportImpl> refused = new ArrayList<>();
		deployment.getResources().values().stream()
			.filter(resource -> resource.getName() != null && resource.getName().endsWith(".form")
					&& resource.getBytes() != null)
			.sorted(Comparator.comparing(ResourceEntity::getName))
			.forEach(resource -> problem(resource).ifPresent(problem -> refused
				.add(new ResourceReportImpl(resource.getName(), List.of(problem), List.of()))));
		if (refused.isEmpty()) {
			return;
		}
		ResourceReportImpl first = refused.get(0);
		ParseException exception = new ParseException(message(refused), first.getResourceName(), first.getErrors(),
				List.of());
		exception.getResorceReports().addAll(refused.subList(1, refused.size()));
		throw exception;
	}

	private static Optional<Problem> problem(ResourceEntity resource) {
		return DeploymentResources.form(resource.getBytes()).flatMap(form -> {
			try {
				FormRules.of(form);
				return Optional.empty();
			}
			catch (IllegalArgumentException unusable) {
				return Optional.of(new ProblemImpl(unusable.getMessage() + " (" + resource.getName()
						+ "): fix it in Modeler's properties panel and deploy again", null));
			}
		});
	}

	private static String message(List<ResourceReportImpl> refused) {
		StringBuilder message = new StringBuilder("Forms that cannot check their submissions are not deployed:");
		refused.forEach(report -> report.getErrors().forEach(problem -> message.append(' ').append(problem.getMessage())));
		return message.toString();
	}
}
