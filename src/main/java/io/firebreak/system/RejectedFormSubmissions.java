package io.firebreak.system;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers {@link RejectedFormSubmissionMapper} in every Jersey application: /engine-rest and
 * the webapps' own API (/camunda/api/engine), through which Tasklist submits its forms. Listed
 * in META-INF/services so Jersey finds it; Camunda builds those applications itself.
 */
public class RejectedFormSubmissions implements ForcedAutoDiscoverable {

	@Override
	public void configure(FeatureContext context) {
		if (!context.getConfiguration().isRegistered(RejectedFormSubmissionMapper.class)) {
			context.register(RejectedFormSubmissionMapper.class);
		}
	}
}
