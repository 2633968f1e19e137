package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemVariables.*;

import java.util.function.Function;

/**
 * What the review meeting wrote down, in the vocabulary of Google's SRE postmortems. Every field
 * may be blank until the postmortem is published; {@link Postmortem#publish} says which may not.
 */
public record PostmortemSections(String summary, String impactDuration, String usersAffected, String rootCauses,
		String trigger, String detection, String resolution, String contributingFactors, String wentWell,
		String wentWrong, String gotLucky, String lessonsLearned, String noActionItemsReason) {

	public static final PostmortemSections EMPTY = new PostmortemSections(null, null, null, null, null, null, null,
			null, null, null, null, null, null);

	public PostmortemSections {
		summary = clean(summary);
		impactDuration = clean(impactDuration);
		usersAffected = clean(usersAffected);
		rootCauses = clean(rootCauses);
		trigger = clean(trigger);
		detection = clean(detection);
		resolution = clean(resolution);
		contributingFactors = clean(contributingFactors);
		wentWell = clean(wentWell);
		wentWrong = clean(wentWrong);
		gotLucky = clean(gotLucky);
		lessonsLearned = clean(lessonsLearned);
		noActionItemsReason = clean(noActionItemsReason);
	}

	/** Reads the review form's fields by their plan variable names; a missing one is blank. */
	public static PostmortemSections of(Function<String, Object> variables) {
		Function<String, String> text = name -> {
			Object value = variables.apply(name);
			return value == null ? null : value.toString();
		};
		return new PostmortemSections(text.apply(POSTMORTEM_SUMMARY), text.apply(IMPACT_DURATION),
				text.apply(USERS_AFFECTED), text.apply(ROOT_CAUSES), text.apply(TRIGGER), text.apply(DETECTION),
				text.apply(RESOLUTION), text.apply(CONTRIBUTING_FACTORS), text.apply(WENT_WELL), text.apply(WENT_WRONG),
				text.apply(GOT_LUCKY), text.apply(LESSONS_LEARNED), text.apply(NO_ACTION_ITEMS_REASON));
	}

	public boolean hasImpact() {
		return !blank(impactDuration) || !blank(usersAffected);
	}

	/** Everything written, for the list page's full-text search. */
	String searchable() {
		return String.join("\n", nonNull(summary), nonNull(impactDuration), nonNull(usersAffected),
				nonNull(rootCauses), nonNull(trigger), nonNull(detection), nonNull(resolution),
				nonNull(contributingFactors), nonNull(wentWell), nonNull(wentWrong), nonNull(gotLucky),
				nonNull(lessonsLearned), nonNull(noActionItemsReason));
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	// surrounding white space is the form's, not the author's; blank is kept as null
	private static String clean(String value) {
		return blank(value) ? null : value.strip();
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}
}
