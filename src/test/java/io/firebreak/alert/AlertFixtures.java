package io.firebreak.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The recorded payloads in src/test/resources/alerts/, as bytes the intake reads. */
public final class AlertFixtures {

	public static final String DEMO_KEY = "firebreak-demo-key";

	private AlertFixtures() {
	}

	public static byte[] recorded(String name) {
		try (InputStream in = AlertFixtures.class.getResourceAsStream("/alerts/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no recorded payload alerts/" + name);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static String recordedText(String name) {
		return new String(recorded(name), StandardCharsets.UTF_8);
	}

	/** A recorded payload with one text replaced, e.g. another group key or fingerprint. */
	public static byte[] recordedWith(String name, String text, String replacement) {
		String payload = recordedText(name);
		if (!payload.contains(text)) {
			throw new IllegalArgumentException("alerts/" + name + " does not contain " + text);
		}
		return payload.replace(text, replacement).getBytes(StandardCharsets.UTF_8);
	}

	/** A PagerDuty-format event as the tests write it, with the demo key. */
	public static byte[] pagerDuty(String action, String dedupKey, String summary, String severity, String component) {
		String dedup = dedupKey == null ? "" : "\"dedup_key\": \"" + dedupKey + "\", ";
		String payload = summary == null ? "" : ", \"payload\": {\"summary\": \"" + summary
				+ "\", \"source\": \"prom-eu-1\", \"severity\": \"" + severity + "\""
				+ (component == null ? "" : ", \"component\": \"" + component + "\"") + "}";
		return ("{\"routing_key\": \"" + DEMO_KEY + "\", " + dedup + "\"event_action\": \"" + action + "\"" + payload + "}")
			.getBytes(StandardCharsets.UTF_8);
	}
}
