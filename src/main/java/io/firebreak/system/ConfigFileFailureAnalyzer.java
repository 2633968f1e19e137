package io.firebreak.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up stopped by a mistake in {@code config/}: the log ends with the mistakes themselves, for
 * the person who edited the file, rather than with the beans that could not be created.
 */
class ConfigFileFailureAnalyzer extends AbstractFailureAnalyzer<ConfigFileMistakes> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfigFileMistakes cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the file as each line says and start Firebreak again.", cause);
	}
}
