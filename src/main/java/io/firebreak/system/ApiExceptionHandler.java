package io.firebreak.system;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.firebreak.incident.IllegalIncidentTransition;
import io.firebreak.incident.IncidentNotFound;
import io.firebreak.incident.PlanNotDeployed;

/** Turns what a client got wrong into a 4xx with {@link ApiError}; never a stack trace. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ApiError> invalid(InvalidInput e) {
		return respond(HttpStatus.BAD_REQUEST, "invalid " + e.field(), e.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
		return respond(HttpStatus.BAD_REQUEST, "malformed request body",
				"send a JSON object; " + firstLine(e.getMostSpecificCause().getMessage()));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
		return respond(HttpStatus.BAD_REQUEST, "missing " + e.getParameterName(), e.getMessage());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
		return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported content type",
				"send Content-Type: application/json");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
		return respond(HttpStatus.METHOD_NOT_ALLOWED, "method not allowed", e.getMessage());
	}

	@ExceptionHandler({ NotFound.class, IncidentNotFound.class })
	ResponseEntity<ApiError> notFound(RuntimeException e) {
		return respond(HttpStatus.NOT_FOUND, "not found", e.getMessage());
	}

	@ExceptionHandler(IllegalIncidentTransition.class)
	ResponseEntity<ApiError> conflict(IllegalIncidentTransition e) {
		return respond(HttpStatus.CONFLICT, "illegal transition", e.getMessage());
	}

	// Not the client's mistake and not a crash: the configuration chose a plan nobody deployed yet.
	// 503, so that alert senders (Alertmanager, PagerDuty-format) keep retrying until it is deployed.
	@ExceptionHandler(PlanNotDeployed.class)
	ResponseEntity<ApiError> planNotDeployed(PlanNotDeployed e) {
		log.warn("Declaration refused: {}", e.getMessage());
		return respond(HttpStatus.SERVICE_UNAVAILABLE, "plan not deployed", e.getMessage());
	}

	@ExceptionHandler(AuthorizationException.class)
	ResponseEntity<ApiError> forbidden(AuthorizationException e) {
		return respond(HttpStatus.FORBIDDEN, "forbidden", "your roles do not allow this: " + firstLine(e.getMessage()));
	}

	@ExceptionHandler(Forbidden.class)
	ResponseEntity<ApiError> forbidden(Forbidden e) {
		return respond(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
	}

	// Waited too long for a lock another transaction held (the incident key counter under a burst
	// of declarations, say): the transaction was rolled back, and trying again later is right.
	@ExceptionHandler({ PessimisticLockingFailureException.class, QueryTimeoutException.class })
	ResponseEntity<ApiError> busy(DataAccessException e) {
		log.warn("Busy: {}", firstLine(e.getMostSpecificCause().getMessage()));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "1")
			.body(new ApiError("busy", "nothing was changed; too much is happening at once, try again in a moment"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiError> unexpected(Exception e) {
		String reference = java.util.UUID.randomUUID().toString();
		log.error("Unexpected error {}", reference, e);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal error",
				"nothing was changed; the server log has the details under " + reference);
	}

	private static ResponseEntity<ApiError> respond(HttpStatus status, String error, String detail) {
		return ResponseEntity.status(status).body(new ApiError(error, detail));
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}
}
