package io.firebreak.alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.system.ApiError;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Alertmanager's webhook receiver. Authenticated by the integration key as a bearer token
 * ({@code http_config.authorization}), or as the password of Basic auth ({@code basic_auth}).
 */
@RestController
class AlertmanagerController {

	private static final String CHALLENGE = "Bearer realm=\"Firebreak alert intake\"";

	private final AlertIntake intake;

	AlertmanagerController(AlertIntake intake) {
		this.intake = intake;
	}

	@PostMapping("/api/alerts/alertmanager")
	ResponseEntity<Map<String, Object>> notify(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
			String authorization, HttpServletRequest request) throws IOException {
		String integrationKey = integrationKey(authorization);
		if (integrationKey == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
				.body(error("unauthorized", "send the integration key of a Firebreak service as Authorization: Bearer <key>"));
		}
		AlertIntake.Outcome outcome = intake.alertmanager(integrationKey,
				AlertPayloads.read(request.getContentLengthLong(), request.getInputStream()));
		Map<String, Object> accepted = new LinkedHashMap<>();
		accepted.put("status", outcome.result().name().toLowerCase(Locale.ROOT));
		accepted.put("incident", outcome.incident().map(Object::toString).orElse(null));
		accepted.put("groupKey", outcome.groupKey());
		accepted.put("newEvents", outcome.newEvents());
		return ResponseEntity.accepted().body(accepted);
	}

	static String integrationKey(String authorization) {
		if (authorization == null) {
			return null;
		}
		String[] scheme = authorization.strip().split("\\s+", 2);
		if (scheme.length < 2 || scheme[1].isBlank()) {
			return null;
		}
		if (scheme[0].equalsIgnoreCase("Bearer")) {
			return scheme[1].strip();
		}
		if (scheme[0].equalsIgnoreCase("Basic")) {
			try {
				String userAndPassword = new String(Base64.getDecoder().decode(scheme[1].strip()), StandardCharsets.UTF_8);
				int colon = userAndPassword.indexOf(':');
				return colon < 0 || colon == userAndPassword.length() - 1 ? null : userAndPassword.substring(colon + 1);
			}
			catch (IllegalArgumentException notBase64) {
				return null;
			}
		}
		return null;
	}

	@ExceptionHandler(UnknownIntegrationKey.class)
	ResponseEntity<ApiError> unknownKey(UnknownIntegrationKey e) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("forbidden", e.getMessage()));
	}

	@ExceptionHandler(PayloadTooLarge.class)
	ResponseEntity<ApiError> tooLarge(PayloadTooLarge e) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ApiError("payload too large", e.getMessage()));
	}

	@ExceptionHandler(IntakeContended.class)
	ResponseEntity<ApiError> contended(IntakeContended e) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
			.body(new ApiError("busy", e.getMessage()));
	}

	private static Map<String, Object> error(String error, String detail) {
		return Map.of("error", error, "detail", detail);
	}
}
