package io.firebreak.notification;

import java.util.Locale;

/** What a notification is for; each kind has a mail template pair in templates/mail/. */
public enum NotificationKind {
	PAGE, ESCALATION, STATUS_UPDATE, EXECUTIVE_SUMMARY, CUSTOMER_UPDATE, RESOLUTION, POSTMORTEM_PUBLISHED,
	ACTION_ITEM_REMINDER, REVIEW_INVITATION, DRILL_INJECT, PLAN_REVIEW_OVERDUE,
	/** A regulatory notification deadline of a breach is near or passed. */
	BREACH_DEADLINE;

	/** templates/mail/&lt;name&gt;.html and .txt */
	public String templateName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
