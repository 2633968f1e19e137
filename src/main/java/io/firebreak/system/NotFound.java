package io.firebreak.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Answered as 404 with the message as detail by the API's handler; a page without a handler of
 * its own answers 404 with the error page, never a 500.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}
}
