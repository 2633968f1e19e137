package io.firebreak.status;

import java.time.Instant;

import io.firebreak.incident.IncidentKey;

/**
 * One message the communications lead published to customers about an incident. {@code postedBy}
 * is kept for the record and never shown publicly: customers hear from the company, not a person.
 */
public record CustomerUpdate(long id, IncidentKey incidentKey, Instant postedAt, String message,
		CustomerUpdateStatus status, String postedBy) {
}
