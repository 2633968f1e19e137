package io.firebreak.alert;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.firebreak.system.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;

/**
 * PagerDuty's Events API v2 at its own path, so that a sender only swaps the host. Answers as
 * PagerDuty does ({@code status}, {@code message}, {@code dedup_key} or {@code errors}); an
 * accepted event also carries Firebreak's {@code incident} and {@code result} (declared, appended,
 * duplicate or no_open_incident, as the Alertmanager receiver's {@code status}), errors
 * Firebreak's {@code error} and {@code detail}.
 */
@RestController
class PagerDutyEventsController {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EventsResponse(String status, String message, @JsonProperty("dedup_key") String dedupKey,
			String incident, String result, List<String> errors, String error, String detail) {

		static EventsResponse failed(String status, String message, String error, String detail) {
			return new EventsResponse(status, message, null, null, null, List.of(detail), error, detail);
		}
	}

	private final AlertIntake intake;

	PagerDutyEventsController(AlertIntake intake) {
		this.intake = intake;
	}

	@PostMapping("/v2/enqueue")
	ResponseEntity<EventsResponse> enqueue(HttpServletRequest request) throws IOException {
		AlertIntake.Outcome outcome = intake.pagerDuty(
				AlertPayloads.read(request.getContentLengthLong(), request.getInputStream()));
		return ResponseEntity.accepted().body(new EventsResponse("success", "Event processed", outcome.groupKey(),
				outcome.incident().map(Object::toString).orElse(null),
				outcome.result().name().toLowerCase(Locale.ROOT), null, null, null));
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<EventsResponse> invalid(InvalidInput e) {
		return ResponseEntity.badRequest().body(
				EventsResponse.failed("invalid event", "Event object is invalid", "invalid " + e.field(), e.getMessage()));
	}

	@ExceptionHandler(UnknownIntegrationKey.class)
	ResponseEntity<EventsResponse> unknownKey(UnknownIntegrationKey e) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(EventsResponse.failed("invalid routing key",
				"routing_key is not an integration key of Firebreak", "forbidden", e.getMessage()));
	}

	@ExceptionHandler(PayloadTooLarge.class)
	ResponseEntity<EventsResponse> tooLarge(PayloadTooLarge e) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(
				EventsResponse.failed("request too large", "Event object is too large", "payload too large", e.getMessage()));
	}

	@ExceptionHandler(IntakeContended.class)
	ResponseEntity<EventsResponse> contended(IntakeContended e) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
			.body(EventsResponse.failed("throttled", "Try again shortly", "busy", e.getMessage()));
	}
}
