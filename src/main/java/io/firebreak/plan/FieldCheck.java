package io.firebreak.plan;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.firebreak.plan.FormRules.SubmittedValue;
import io.firebreak.roster.Person;
import io.firebreak.roster.Role;
import io.firebreak.roster.Roster;
import io.firebreak.system.InvalidInput;

/** One field's submitted value against the field's rules; says how to show the value when it passes. */
final class FieldCheck {

	// form-js 1.8's own checks for these validation types
	private static final Pattern EMAIL = Pattern.compile("^[\\w.%+-]+@[\\w.-]+\\.[a-zA-Z]{2,}$");
	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()/.-]{4,}$");

	private final FormField field;
	private final SubmittedValue submitted;
	private final Roster roster;
	private final Submission submission;

	/** Set when the field is required for now only (e.g. an audience hears about the incident): why. */
	private final String requiredBecause;

	FieldCheck(FormField field, SubmittedValue submitted, Submission submission) {
		this.field = field;
		this.submitted = submitted;
		this.submission = submission;
		this.roster = submission.roster();
		this.requiredBecause = submission.requiredBecause(field);
	}

	/** Empty when nothing was submitted (and nothing had to be). */
	Optional<String> run() {
		if (submitted.empty() || (field.flag() && Boolean.FALSE.equals(flag()))) {
			if (field.required()) {
				throw invalid(field.name() + " is required");
			}
			if (requiredBecause != null) {
				throw invalid(field.name() + " is required: " + requiredBecause);
			}
			return field.flag() && submitted.value() != null ? Optional.of("no") : Optional.empty();
		}
		if (field.flag()) {
			return Optional.of("yes");
		}
		if (field.numeric()) {
			return Optional.of(number().toPlainString());
		}
		if (field.dates() != null) {
			field.dates().check(field, submitted.value(), submission);
		}
		List<String> values = texts();
		values.forEach(this::checkText);
		return Optional.of(values.stream().map(this::shown).collect(Collectors.joining(", ")));
	}

	private Boolean flag() {
		Object value = submitted.value();
		return value instanceof Boolean bool ? bool : Boolean.valueOf(String.valueOf(value));
	}

	private BigDecimal number() {
		BigDecimal number;
		try {
			number = new BigDecimal(String.valueOf(submitted.value()).strip());
		}
		catch (NumberFormatException e) {
			throw invalid(field.name() + " must be a number");
		}
		if (field.min() != null && number.compareTo(field.min()) < 0) {
			throw invalid(field.name() + " must be at least " + field.min().toPlainString());
		}
		if (field.max() != null && number.compareTo(field.max()) > 0) {
			throw invalid(field.name() + " must be at most " + field.max().toPlainString());
		}
		return number;
	}

	private List<String> texts() {
		if (submitted.value() instanceof Collection<?> items) {
			if (!field.multiple()) {
				throw invalid(field.name() + " takes one value, not a list");
			}
			return items.stream().map(String::valueOf).toList();
		}
		return List.of(String.valueOf(submitted.value()));
	}

	private void checkText(String value) {
		String text = value.strip();
		if (field.minLength() != null && text.length() < field.minLength()) {
			throw invalid("%s must be at least %d characters long".formatted(field.name(), field.minLength()));
		}
		if (field.maxLength() != null && text.length() > field.maxLength()) {
			throw invalid("%s is %d characters long; at most %d are allowed".formatted(field.name(), text.length(),
					field.maxLength()));
		}
		if (field.pattern() != null && !field.pattern().matcher(text).find()) {
			throw invalid(field.name() + " must match the pattern " + field.pattern().pattern());
		}
		if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
			throw invalid(field.name() + " must be an email address");
		}
		if ("phone".equals(field.validationType()) && !PHONE.matcher(text).matches()) {
			throw invalid(field.name() + " must be a phone number");
		}
		if (field.options() != null && !field.options().containsKey(text)) {
			throw invalid("%s must be one of: %s; '%s' is not".formatted(field.name(),
					String.join(", ", field.options().keySet()), text));
		}
		if (field.roster() != null) {
			checkRoster(text);
		}
	}

	/** A role's field is refused someone outside the role's pool as plainly as a stranger to the roster. */
	private void checkRoster(String text) {
		RosterKind kind = field.roster();
		if (rosterName(text).isEmpty()) {
			throw invalid("%s must name a %s of the roster; '%s' is not one".formatted(field.name(),
					kind.role().isPresent() ? "person" : kind.value(), text));
		}
		Optional<Role> outsidePool = kind.role().filter(role -> !roster.mayHold(role, text));
		if (outsidePool.isPresent()) {
			Role role = outsidePool.get();
			throw invalid("%s must be someone of the %s pool (%s); '%s' is not in it".formatted(field.name(),
					role.displayName().toLowerCase(Locale.ROOT),
					roster.pool(role).stream().map(Person::id).collect(Collectors.joining(", ")), text));
		}
	}

	private String shown(String value) {
		String text = value.strip();
		if (field.options() != null) {
			return field.options().get(text);
		}
		return field.roster() == null ? text : rosterName(text).map(name -> name + " (" + text + ")").orElse(text);
	}

	private Optional<String> rosterName(String id) {
		return switch (field.roster()) {
			case PERSON, COMMANDER, COMMUNICATIONS_LEAD, SCRIBE, PRIVACY_LEAD -> roster.person(id).map(person -> person.name());
			case TEAM -> roster.team(id).map(team -> team.name());
			case SERVICE -> roster.service(id).map(service -> service.name());
		};
	}

	private InvalidInput invalid(String detail) {
		return new InvalidInput(field.key(), detail);
	}
}
