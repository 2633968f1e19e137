package io.firebreak.performance;

import java.util.List;
import java.util.Map;

/**
 * One way of working incidents on one system: through the Java API in the same JVM or over HTTP.
 * Both systems get the same calls in the same order; only what a start and a completion are made
 * of differs (a process start or a declaration; with or without a signed-in person).
 */
public interface IncidentChannel {

	/** An open task as the driver sees it. */
	record OpenTask(String id, String taskDefinitionKey, String assignee) {
	}

	/**
	 * A completion that met a concurrent change of the same instance (a job of the job executor
	 * joining the same gateway): Camunda rolled it back, and the person tries again.
	 */
	final class ConcurrentChange extends RuntimeException {

		public ConcurrentChange(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/** Starts incident number {@code n} and answers its key, the business key of its processes. */
	String start(int n) throws Exception;

	/** The open tasks of every process working on the incident (the plan and its postmortem). */
	List<OpenTask> openTasks(String key) throws Exception;

	/** Completes a task as {@code user} with a form's values. */
	void complete(OpenTask task, String user, Map<String, Object> form) throws Exception;

	/** Whether any process with the incident's key still runs. */
	boolean running(String key) throws Exception;

	/** Names the channel in the results: api or http. */
	String mode();
}
