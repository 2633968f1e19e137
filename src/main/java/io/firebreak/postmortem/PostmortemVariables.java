package io.firebreak.postmortem;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The variables of the {@code postmortem} plan and of each {@code action-item} follow-up. Form
 * field keys in {@code forms/} use exactly these names (a test holds them to it); they hold ids,
 * primitives and, for the review's action items, a JSON list.
 */
public final class PostmortemVariables {

	public static final String PROCESS_ID = "postmortem";
	public static final String ACTION_ITEM_PROCESS_ID = "action-item";

	// assign owner
	public static final String POSTMORTEM_OWNER = "postmortemOwner";
	// investigate
	public static final String EVIDENCE = "evidence";
	public static final String INTERVIEW_NOTES = "interviewNotes";
	// schedule the review
	/** The latest the review meeting may be held: a number of business days after the plan started. */
	public static final String REVIEW_DEADLINE = "reviewDeadline";
	public static final String REVIEW_MEETING_AT = "reviewMeetingAt";
	public static final String REVIEW_PARTICIPANTS = "reviewParticipants";
	// the review meeting
	public static final String POSTMORTEM_SUMMARY = "postmortemSummary";
	public static final String IMPACT_DURATION = "impactDuration";
	public static final String USERS_AFFECTED = "usersAffected";
	public static final String ROOT_CAUSES = "rootCauses";
	public static final String TRIGGER = "trigger";
	public static final String DETECTION = "detection";
	public static final String RESOLUTION = "resolution";
	public static final String CONTRIBUTING_FACTORS = "contributingFactors";
	public static final String WENT_WELL = "wentWell";
	public static final String WENT_WRONG = "wentWrong";
	public static final String GOT_LUCKY = "gotLucky";
	public static final String LESSONS_LEARNED = "lessonsLearned";
	/**
	 * JSON list of {title, type, owner, dueDate, priority}, for API clients. The review form has
	 * {@link #ACTION_ITEM_SLOTS} numbered slots instead (see {@link #slot}): Tasklist 7.24 counts a
	 * form-js dynamic list's cleared errors as errors and never enables Complete.
	 */
	public static final String ACTION_ITEMS = "actionItems";
	/** How many action items the review form has room for. */
	public static final int ACTION_ITEM_SLOTS = 5;
	/** What each slot holds, as {@link ActionItem#fromJson} reads an item. */
	public static final List<String> ACTION_ITEM_FIELDS = List.of("title", "type", "owner", "dueDate", "priority");
	public static final String NO_ACTION_ITEMS_NEEDED = "noActionItemsNeeded";
	public static final String NO_ACTION_ITEMS_REASON = "noActionItemsReason";
	// approval
	public static final String POSTMORTEM_APPROVED = "postmortemApproved";
	public static final String APPROVAL_NOTES = "approvalNotes";
	// an action item follow-up
	public static final String ACTION_ITEM_ID = "actionItemId";
	public static final String ACTION_ITEM_TITLE = "actionItemTitle";
	public static final String ACTION_ITEM_OWNER = "actionItemOwner";
	public static final String ACTION_ITEM_DUE = "actionItemDue";
	public static final String ACTION_ITEM_REMIND_AT = "actionItemRemindAt";
	public static final String ACTION_ITEM_OUTCOME = "actionItemOutcome";
	public static final String ACTION_ITEM_OUTCOME_REASON = "actionItemOutcomeReason";

	public static final List<String> ALL = Stream.concat(Stream.of(POSTMORTEM_OWNER, EVIDENCE, INTERVIEW_NOTES,
			REVIEW_DEADLINE,
			REVIEW_MEETING_AT, REVIEW_PARTICIPANTS, POSTMORTEM_SUMMARY, IMPACT_DURATION, USERS_AFFECTED, ROOT_CAUSES,
			TRIGGER, DETECTION, RESOLUTION, CONTRIBUTING_FACTORS, WENT_WELL, WENT_WRONG, GOT_LUCKY, LESSONS_LEARNED,
			ACTION_ITEMS, NO_ACTION_ITEMS_NEEDED, NO_ACTION_ITEMS_REASON, POSTMORTEM_APPROVED, APPROVAL_NOTES,
			ACTION_ITEM_ID, ACTION_ITEM_TITLE, ACTION_ITEM_OWNER, ACTION_ITEM_DUE, ACTION_ITEM_REMIND_AT,
			ACTION_ITEM_OUTCOME, ACTION_ITEM_OUTCOME_REASON),
			IntStream.rangeClosed(1, ACTION_ITEM_SLOTS).boxed()
				.flatMap(n -> ACTION_ITEM_FIELDS.stream().map(field -> slot(n, field))))
		.toList();

	/** The variable of slot {@code n} (1-based) for {@code field}: {@code actionItem2Owner}. */
	public static String slot(int n, String field) {
		return "actionItem" + n + Character.toUpperCase(field.charAt(0)) + field.substring(1);
	}

	private PostmortemVariables() {
	}
}
