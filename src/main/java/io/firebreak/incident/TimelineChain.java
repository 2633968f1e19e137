package io.firebreak.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hash chain over an incident's timeline. Each event's hash is SHA-256 over its canonical
 * serialisation, which includes the hash of the incident's previous event, so editing, removing or
 * reordering an event breaks every link after it. The canonical serialisation is a JSON array in
 * a fixed order: {@code [incidentKey, sequence, occurredAt, kind, actor, description, taskName,
 * previousHash]}, with {@code occurredAt} in ISO-8601 UTC to the microsecond (what both H2 and
 * PostgreSQL store) and absent values as JSON {@code null}; the first event's previous hash is
 * {@code null}. A JSON array, not a joined string, so that no two events serialise alike.
 */
public final class TimelineChain {

	private static final ObjectMapper JSON = new ObjectMapper();

	private TimelineChain() {
	}

	/** The instant as the database keeps it: an event is hashed exactly as it is stored. */
	public static Instant stored(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	public static String hash(TimelineEvent event, long sequence, String previousHash) {
		return hash(event.incidentKey().value(), sequence, event.occurredAt(), event.kind().name(), event.actor(),
				event.description(), event.taskName(), previousHash);
	}

	/** Over the stored values as they are (a kind nobody could have recorded included). */
	static String canonical(String incidentKey, long sequence, Instant occurredAt, String kind, String actor,
			String description, String taskName, String previousHash) {
		try {
			return JSON.writeValueAsString(Arrays.asList(incidentKey, sequence, stored(occurredAt).toString(), kind,
					actor, description, taskName, previousHash));
		}
		catch (JsonProcessingException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	public static String hash(String incidentKey, long sequence, Instant occurredAt, String kind, String actor,
			String description, String taskName, String previousHash) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical(incidentKey, sequence, occurredAt, kind, actor, description, taskName, previousHash)
					.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException impossible) {
			// every Java platform must provide SHA-256
			throw new IllegalStateException(impossible);
		}
	}
}
