package io.firebreak.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files an author deploys: the test plan (src/test/resources/plans/, a complete response plan
 * with DI), changed as an author would in Modeler, with or without its forms and decision table.
 */
final class PlanFiles {

	static final String PLAN = "response-plan.bpmn";
	static final String[] FORMS = { "test-declare.form", "test-assess.form", "test-review.form" };
	static final String DECISION = "test-priority.dmn";

	private final Map<String, byte[]> files = new LinkedHashMap<>();
	private String plan = text("plans/" + PLAN);

	/** The valid plan, alone. */
	static PlanFiles plan() {
		return new PlanFiles();
	}

	/** The valid plan with everything it references. */
	static PlanFiles complete() {
		return plan().withForms().withDecision();
	}

	/** The plan as an author changed it: one piece of text replaced by another, which must be there. */
	PlanFiles changed(String from, String to) {
		if (!plan.contains(from)) {
			throw new IllegalArgumentException("the test plan has no '" + from + "'");
		}
		plan = plan.replace(from, to);
		return this;
	}

	PlanFiles withForms() {
		for (String form : FORMS) {
			files.put(form, bytes("plans/" + form));
		}
		return this;
	}

	PlanFiles withDecision() {
		files.put(DECISION, bytes("plans/" + DECISION));
		return this;
	}

	Map<String, byte[]> files() {
		Map<String, byte[]> all = new LinkedHashMap<>();
		all.put(PLAN, plan.getBytes(StandardCharsets.UTF_8));
		all.putAll(files);
		return all;
	}

	static String text(String resource) {
		return new String(bytes(resource), StandardCharsets.UTF_8);
	}

	static byte[] bytes(String resource) {
		try (InputStream in = PlanFiles.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no resource " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
