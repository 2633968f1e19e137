package io.firebreak.plan;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import camundajar.impl.scala.Option;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.collection.immutable.List$;

/**
 * A form-js {@code conditional.hide} expression ({@code "=noActionItemsNeeded = true"}), evaluated on the
 * server with the FEEL engine that ships with Camunda's DMN engine. An expression is parsed once, when
 * its form's rules are read (and those are cached per form definition); completing a task only evaluates.
 * Variables are looked up one by one as the expression asks for them, so no process variable is
 * loaded that the expression does not name; a variable that is not there is FEEL's {@code null}.
 */
final class FormCondition {

	private static final Logger log = LoggerFactory.getLogger(FormCondition.class);

	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	/** How many expressions were parsed since start: proves the hot path parses nothing. */
	private static final LongAdder PARSED = new LongAdder();

	private final String expression;
	/** Null when the expression does not parse. */
	private final ParsedExpression parsed;

	private FormCondition(String expression, ParsedExpression parsed) {
		this.expression = expression;
		this.parsed = parsed;
	}

	/** {@code expression} as form-js stores it, with or without the leading {@code =}. */
	static FormCondition parse(String expression, String where) {
		String feel = expression.strip().startsWith("=") ? expression.strip().substring(1) : expression.strip();
		PARSED.increment();
		ParseResult result = FEEL.parseExpression(feel);
		if (result.isFailure()) {
			log.warn("{}: the condition '{}' is not a FEEL expression ({}); the field is always checked", where,
					expression, result.failure().message());
			return new FormCondition(expression, null);
		}
		return new FormCondition(expression, result.parsedExpression());
	}

	static long parsed() {
		return PARSED.sum();
	}

	String expression() {
		return expression;
	}

	/**
	 * Whether the condition hides its field: only when it evaluates to {@code true}, as in form-js.
	 * A condition that does not parse or fails to evaluate does not hide: the server would rather check
	 * a field the browser may have shown than wave through one it required (form-js, too, shows a field
	 * whose condition fails).
	 */
	boolean hides(Function<String, Object> variables) {
		if (parsed == null) {
			return false;
		}
		try {
			EvaluationResult result = FEEL.evaluate(parsed, new Variables(variables));
			return result.isSuccess() && Boolean.TRUE.equals(result.result());
		}
		catch (RuntimeException e) {
			log.debug("condition '{}' failed to evaluate; the field is checked", expression, e);
			return false;
		}
	}

	@Override
	public String toString() {
		return expression;
	}

	/** Variables asked for by name; FEEL never needs to list them all. */
	private static final class Variables extends CustomContext {

		private final VariableProvider provider;

		Variables(Function<String, Object> variables) {
			this.provider = new VariableProvider() {
				@Override
				public Option<Object> getVariable(String name) {
					return Option.apply(variables.apply(name));
				}

				@Override
				public Iterable<String> keys() {
					return List$.MODULE$.empty();
				}
			};
		}

		@Override
		public VariableProvider variableProvider() {
			return provider;
		}
	}
}
