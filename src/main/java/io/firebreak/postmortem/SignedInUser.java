package io.firebreak.postmortem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who completed the step a building block runs with: the engine's authenticated user (Tasklist,
 * {@code /engine-rest}), else {@code otherwise} when the step runs in a job or a test without one.
 */
final class SignedInUser {

	private SignedInUser() {
	}

	static String of(DelegateExecution execution, String otherwise) {
		Authentication authentication = execution.getProcessEngineServices().getIdentityService()
			.getCurrentAuthentication();
		return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : otherwise;
	}
}
