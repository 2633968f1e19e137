package io.firebreak.system;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers {@link TaskSubmissionErrorMapper} in every Jersey application: /engine-rest and
 * the webapps' own API (/camunda/api/engine), through which Tasklist submits its forms. Listed
 * in META-INF/services so Jersey finds it; Camunda builds those applications itself.
 */
public class TaskSubmissionErrors implements ForcedAutoDiscoverable {

	@Override
	public void configure(FeatureContext context) {
		if (!context.getConfiguration().isRegistered(TaskSubmissionErrorMapper.class)) {
			context.register(TaskSubmissionErrorMapper.class);
		}
	}
}
