package io.firebreak.incident;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** 404: as JSON from the API, as the error page on Firebreak's pages. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class IncidentNotFound extends RuntimeException {

	public IncidentNotFound(Object key) {
		super("No incident " + key);
	}
}
