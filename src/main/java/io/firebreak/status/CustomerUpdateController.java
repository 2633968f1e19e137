package io.firebreak.status;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.security.NeedToKnow;
import io.firebreak.system.InvalidInput;

/**
 * {@code POST /api/incidents/{key}/customer-updates}: publishes a customer update to the status
 * page. Open to the communications group, incident commanders and admins (the API's security chain
 * checks it before this runs); until the plan's update form publishes, this is how one is posted.
 */
@RestController
class CustomerUpdateController {

	/** As posted: {@code status} one of investigating, identified, monitoring, resolved; {@code message} plain text. */
	record PostedUpdate(String status, String message) {
	}

	/** The published update as answered; who posted it is the poster's own name, so it may be shown here. */
	record PublishedView(long id, String incidentKey, String postedAt, String status, String message, String postedBy) {

		static PublishedView of(CustomerUpdate update) {
			return new PublishedView(update.id(), update.incidentKey().value(), update.postedAt().toString(),
					update.status().value(), update.message(), update.postedBy());
		}
	}

	private final CustomerUpdates customerUpdates;
	private final Clock clock;
	private final NeedToKnow needToKnow;

	CustomerUpdateController(CustomerUpdates customerUpdates, Clock clock, NeedToKnow needToKnow) {
		this.customerUpdates = customerUpdates;
		this.needToKnow = needToKnow;
		this.clock = clock;
	}

	@PostMapping("/api/incidents/{key}/customer-updates")
	ResponseEntity<PublishedView> publish(@PathVariable String key, @RequestBody(required = false) PostedUpdate posted,
			Authentication signedIn) {
		if (posted == null) {
			throw new InvalidInput("body", "send a JSON object with status (investigating, identified, monitoring or"
					+ " resolved) and message");
		}
		// before the message is judged, so that a hidden incident answers as an unknown one whatever was sent
		needToKnow.find(key, signedIn);
		CustomerUpdate update = customerUpdates.publish(key, CustomerUpdateStatus.of("status", posted.status()),
				posted.message(), signedIn.getName(), clock.instant());
		return ResponseEntity.status(HttpStatus.CREATED).body(PublishedView.of(update));
	}
}
