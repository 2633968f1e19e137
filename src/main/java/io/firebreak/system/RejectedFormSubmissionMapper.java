package io.firebreak.system;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Camunda wraps whatever a task listener throws, so a form our listener rejected would reach
 * Tasklist and REST clients as a 500. Unwrapped here: the person gets a 400 naming the field.
 */
@Priority(1)
public class RejectedFormSubmissionMapper implements ExceptionMapper<RestException> {

	private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

	@Override
	public Response toResponse(RestException exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInput invalid) {
				return camundaDefault.toResponse(
						new RestException(Response.Status.BAD_REQUEST, invalid, invalid.getMessage()));
			}
		}
		return camundaDefault.toResponse(exception);
	}
}
