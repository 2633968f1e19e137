package io.firebreak.system;

/**
 * A file of {@code config/} that does not parse or names what does not exist. The message says
 * where (file and path) and what to fix, one mistake per line; at start-up
 * {@link ConfigFileFailureAnalyzer} shows it instead of a stack trace.
 */
public abstract class ConfigFileMistakes extends RuntimeException {

	protected ConfigFileMistakes(String message) {
		super(message);
	}
}
