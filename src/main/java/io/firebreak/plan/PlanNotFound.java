package io.firebreak.plan;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** 404: no plan deployed under that key, or no such version of it. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PlanNotFound extends RuntimeException {

	PlanNotFound(String key, Integer version) {
		super(version == null ? "No plan deployed with key " + key : "No version " + version + " of plan " + key);
	}
}
