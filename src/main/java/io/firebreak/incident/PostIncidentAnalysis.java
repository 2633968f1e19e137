package io.firebreak.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the post-incident analysis left to follow up, as the dashboard and the incident page show
 * it. Implemented by the postmortem feature, which builds on incidents: the pages take it through
 * an ObjectProvider, so that incidents need not know postmortems and there is no package cycle.
 */
public interface PostIncidentAnalysis {

	/**
	 * One action item: {@code status} OPEN, DONE or WONT_DO; {@code priority} high, medium or low;
	 * {@code overdue} when still open past the end of its due date in its owner's time zone, as its
	 * follow-up counts it.
	 */
	record ActionItemLine(IncidentKey incident, String title, String owner, String ownerName, LocalDate dueDate,
			String priority, String status, boolean overdue) {
	}

	/** An incident's postmortem: {@code status} DRAFT or PUBLISHED; the review meeting may not be set yet. */
	record PostmortemOutline(String status, String owner, String ownerName, Instant reviewMeetingAt,
			List<ActionItemLine> actionItems) {

		public boolean published() {
			return "PUBLISHED".equals(status);
		}
	}

	/** Every open action item of every incident, soonest due first (so the overdue ones as of {@code now} lead). */
	List<ActionItemLine> openActionItems(Instant now);

	/** The incident's postmortem with all its action items, empty while none was opened. */
	Optional<PostmortemOutline> postmortemOf(IncidentKey incident, Instant now);
}
