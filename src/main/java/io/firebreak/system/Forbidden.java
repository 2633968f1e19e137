package io.firebreak.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A rule of Firebreak's own (not a Camunda authorization) does not let the signed-in person do
 * this; the message says who may. Answered as 403; nothing was changed.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class Forbidden extends RuntimeException {

	public Forbidden(String detail) {
		super(detail);
	}
}
