package io.firebreak.roster;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A process deployed while Firebreak runs (Modeler's Deploy button) gets its grants at once, in
 * the deployment's transaction: {@link AccessPolicy#deployed}. Start-up and roster reloads grant
 * on everything deployed by then.
 */
@Component
class AccessPolicyEnginePlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<Roster> roster;

	AccessPolicyEnginePlugin(ObjectProvider<Roster> roster) {
		this.roster = roster;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element process, ProcessDefinitionEntity definition) {
				// also when a definition is parsed again into the cache: granting what is granted already changes nothing
				CommandContext command = Context.getCommandContext();
				if (command != null) {
					command.runWithoutAuthorization(() -> {
						AccessPolicy.deployed(definition.getKey(), roster.getObject(),
								command.getProcessEngineConfiguration().getAuthorizationService());
						return null;
					});
				}
			}
		});
	}
}
