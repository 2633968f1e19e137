package io.firebreak.plan;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Answers the FEEL a decision table is mostly made of (a string or boolean literal, {@code -}, a
 * plain variable name) without the FEEL engine, and hands everything else to it. The Scala FEEL
 * engine parses each cell again and builds its context and built-in functions on every evaluation:
 * 31% of a declaration went to the priority table, whose cells are all literals. Only cases with
 * FEEL's own answer are short-cut: a literal against an input of the same type, a name bound to a
 * string, a boolean or null.
 */
class LiteralFeelEngine implements FeelEngine {

	private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
	// names FEEL reads as something else than a variable
	private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "not", "and", "or", "if", "then",
			"else", "for", "some", "every", "in", "return", "satisfies", "between", "instance", "of", "function",
			"external", "date", "time", "duration");

	private final FeelEngine feel;

	LiteralFeelEngine(FeelEngine feel) {
		this.feel = feel;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
		String text = expression.trim();
		Matcher string = STRING_LITERAL.matcher(text);
		if (string.matches()) {
			return (T) string.group(1);
		}
		if (text.equals("true") || text.equals("false")) {
			return (T) Boolean.valueOf(text);
		}
		if (NAME.matcher(text).matches() && !FEEL_WORDS.contains(text) && variables.containsVariable(text)) {
			TypedValue value = variables.resolve(text);
			Object plain = value == null ? null : value.getValue();
			if (plain == null || plain instanceof String || plain instanceof Boolean) {
				return (T) plain;
			}
		}
		return feel.evaluateSimpleExpression(expression, variables);
	}

	@Override
	public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
		String text = expression.trim();
		if (text.equals("-")) {
			return true;
		}
		TypedValue input = variables.resolve(inputVariable);
		Object value = input == null ? null : input.getValue();
		Matcher string = STRING_LITERAL.matcher(text);
		if (string.matches() && value instanceof String) {
			return value.equals(string.group(1));
		}
		if ((text.equals("true") || text.equals("false")) && value instanceof Boolean) {
			return value.equals(Boolean.valueOf(text));
		}
		return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
	}
}
