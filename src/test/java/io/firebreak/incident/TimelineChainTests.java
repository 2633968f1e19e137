package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.firebreak.incident.TimelineEvent.Kind;

class TimelineChainTests {

	private static final TimelineEvent DECLARED = new TimelineEvent(new IncidentKey("INC-2026-0001"),
			Instant.parse("2026-03-01T10:00:00.123456789Z"), Kind.DECLARED, "ic", "Declared: Checkout errors", null);

	@Test
	void theCanonicalFormIsAJsonArrayInAFixedOrderToTheMicrosecond() {
		assertThat(TimelineChain.canonical("INC-2026-0001", 1, DECLARED.occurredAt(), "DECLARED", "ic",
				"Declared: Checkout errors", null, null))
			.isEqualTo("[\"INC-2026-0001\",1,\"2026-03-01T10:00:00.123456Z\",\"DECLARED\",\"ic\","
					+ "\"Declared: Checkout errors\",null,null]");
	}

	@Test
	void theHashIsSha256OfTheCanonicalForm() {
		// echo -n '["INC-2026-0001",1,"2026-03-01T10:00:00.123456Z","DECLARED","ic","Declared: Checkout errors",null,null]' | sha256sum
		assertThat(TimelineChain.hash(DECLARED, 1, null))
			.isEqualTo(EXPECTED_FIRST_HASH);
	}

	@Test
	void everyFieldAndThePreviousHashCount() {
		String hash = TimelineChain.hash(DECLARED, 1, null);
		assertThat(TimelineChain.hash(DECLARED, 2, null)).isNotEqualTo(hash);
		assertThat(TimelineChain.hash(DECLARED, 1, hash)).isNotEqualTo(hash);
		assertThat(TimelineChain.hash(new TimelineEvent(DECLARED.incidentKey(), DECLARED.occurredAt(), Kind.DECLARED,
				"ic", "Declared: Checkout errors", ""), 1, null)).as("no task and an empty task name differ")
			.isNotEqualTo(hash);
		assertThat(TimelineChain.hash(new TimelineEvent(DECLARED.incidentKey(), DECLARED.occurredAt(), Kind.DECLARED,
				null, "icDeclared: Checkout errors", null), 1, null)).isNotEqualTo(hash);
		assertThat(TimelineChain.hash(new TimelineEvent(DECLARED.incidentKey(),
				Instant.parse("2026-03-01T10:00:00.123456Z"), Kind.DECLARED, "ic", "Declared: Checkout errors", null), 1,
				null)).as("nanoseconds the database does not keep do not count").isEqualTo(hash);
	}

	private static final String EXPECTED_FIRST_HASH = "acf15cd735c2f23bd74fa914943de350dc51cab2da2b6df1f6a32fb05400ebb3";
}
