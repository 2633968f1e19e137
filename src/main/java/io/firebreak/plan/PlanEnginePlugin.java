package io.firebreak.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.firebreak.notification.NotificationRetryPolicy;

/**
 * Makes every deployed plan a Firebreak plan: the parse listener attaches record-keeping,
 * milestones and form validation, and failed jobs (a page or notice that could not be delivered)
 * retry on the configured backoff without each plan saying so, and a Modeler deploy of a
 * changed diagram takes its forms and decision tables along.
 */
@Component
class PlanEnginePlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<PlanSteps> steps;
	private final NotificationRetryPolicy retryPolicy;

	PlanEnginePlugin(ObjectProvider<PlanSteps> steps, NotificationRetryPolicy retryPolicy) {
		this.steps = steps;
		this.retryPolicy = retryPolicy;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		// The steps need the engine's services, so they are looked up once the engine runs.
		Supplier<PlanSteps> lazySteps = new Supplier<>() {
			private volatile PlanSteps resolved;

			@Override
			public PlanSteps get() {
				PlanSteps current = resolved;
				if (current == null) {
					current = steps.getObject();
					resolved = current;
				}
				return current;
			}
		};
		configuration.getCustomPostBPMNParseListeners().add((BpmnParseListener) new PlanParseListener(lazySteps));
		configuration.setFailedJobRetryTimeCycle(retryPolicy.cycle());
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		interceptors.add(new WholePlanDeployments());
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}
}
