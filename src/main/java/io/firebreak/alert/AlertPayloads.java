package io.firebreak.alert;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.system.InvalidInput;

/** Reads an alert request's body, within its size limit, into a validated delivery. */
@Component
class AlertPayloads {

	/** 1 MiB: Alertmanager's notifications are far smaller unless max_alerts is unbounded. */
	public static final int MAX_BODY_BYTES = 1024 * 1024;

	/** A PagerDuty-format event: the delivery, and the routing key it authenticates with. */
	record PagerDutyRequest(String routingKey, PayloadNode body) {

		AlertDelivery delivery() {
			return PagerDutyEvent.parse(body);
		}
	}

	private final ObjectMapper json = new ObjectMapper();

	/** @throws PayloadTooLarge before reading, when the declared length is over; else while reading */
	static byte[] read(long declaredLength, InputStream in) throws IOException {
		if (declaredLength > MAX_BODY_BYTES) {
			throw new PayloadTooLarge(MAX_BODY_BYTES);
		}
		byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			throw new PayloadTooLarge(MAX_BODY_BYTES);
		}
		return body;
	}

	AlertDelivery alertmanager(byte[] body) {
		return AlertmanagerWebhook.parse(tree(body));
	}

	/** Reads only as far as the routing key, so a stranger learns nothing from validation errors. */
	PagerDutyRequest pagerDuty(byte[] body) {
		PayloadNode tree = tree(body);
		return new PagerDutyRequest(PagerDutyEvent.routingKey(tree), tree);
	}

	private PayloadNode tree(byte[] body) {
		if (body.length == 0) {
			throw new InvalidInput("body", "the body is empty; send a JSON object");
		}
		try {
			return PayloadNode.root(json.readTree(body));
		}
		catch (JsonProcessingException e) {
			JsonLocation at = e.getLocation();
			throw new InvalidInput("body", "the body is not valid JSON" + (at == null ? ""
					: " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": " + e.getOriginalMessage());
		}
		catch (IOException e) {
			throw new InvalidInput("body", "the body could not be read: " + e.getMessage());
		}
	}
}
