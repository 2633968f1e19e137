package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.firebreak.incident.TimelineEvent.Kind;

/** The incident page names every kind of timeline entry; a new kind without words would show as a message code. */
class TimelineMessagesTests {

	@Test
	void everyTimelineKindHasItsWordsOnTheIncidentPage() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(in);
		}
		for (Kind kind : Kind.values()) {
			assertThat(messages.getProperty("timeline." + kind.name().toLowerCase(Locale.ROOT)))
				.as("timeline.%s in messages.properties", kind.name().toLowerCase(Locale.ROOT)).isNotBlank();
		}
	}
}
