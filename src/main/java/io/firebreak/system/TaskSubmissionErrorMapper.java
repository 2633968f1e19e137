package io.firebreak.system;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Camunda answers 500 for two things a person or client must be told plainly. A form our
 * listener rejected (Camunda wraps whatever a task listener throws) gets a 400 naming the field.
 * A task that is gone by the time it is completed (completed by someone else, or ended by the
 * plan: closing an incident ends its open reviews) gets a 404 saying so.
 */
@Priority(1)
public class TaskSubmissionErrorMapper implements ExceptionMapper<RestException> {

	private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

	@Override
	public Response toResponse(RestException exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInput invalid) {
				return camundaDefault.toResponse(
						new RestException(Response.Status.BAD_REQUEST, invalid, invalid.getMessage()));
			}
			if (cause instanceof NullValueException gone && gone.getMessage() != null
					&& gone.getMessage().startsWith("Cannot find task with id")) {
				return camundaDefault.toResponse(new RestException(Response.Status.NOT_FOUND, gone,
						"This task no longer exists: someone completed it, or the plan ended it"));
			}
		}
		return camundaDefault.toResponse(exception);
	}
}
