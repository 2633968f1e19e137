package io.firebreak.postmortem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.firebreak.incident.IncidentKey;
import io.firebreak.system.InvalidInput;

/**
 * An incident's postmortem: a draft while its owner investigates and the review meets, published
 * once approved. Publishing is guarded so a published postmortem always says what went wrong,
 * what it cost and what is being done about it; published is final.
 */
public class Postmortem {

	public enum Status {
		DRAFT, PUBLISHED
	}

	private final IncidentKey incidentKey;
	private final Instant openedAt;
	private String owner;
	private Status status;
	private Instant reviewMeetingAt;
	private List<TimelineEntry> timeline;
	private PostmortemSections sections;
	private String approvedBy;
	private Instant publishedAt;

	Postmortem(IncidentKey incidentKey, String owner, Status status, Instant openedAt, Instant reviewMeetingAt,
			List<TimelineEntry> timeline, PostmortemSections sections, String approvedBy, Instant publishedAt) {
		this.incidentKey = Objects.requireNonNull(incidentKey, "incidentKey");
		this.owner = owner;
		this.status = Objects.requireNonNull(status, "status");
		this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
		this.reviewMeetingAt = reviewMeetingAt;
		this.timeline = List.copyOf(timeline);
		this.sections = Objects.requireNonNull(sections, "sections");
		this.approvedBy = approvedBy;
		this.publishedAt = publishedAt;
	}

	public static Postmortem open(IncidentKey key, String owner, Instant at) {
		return new Postmortem(key, requireOwner(owner), Status.DRAFT, at, null, List.of(), PostmortemSections.EMPTY,
				null, null);
	}

	public void assignOwner(String owner) {
		requireDraft("given a new owner");
		this.owner = requireOwner(owner);
	}

	/** Replaces the timeline: it is assembled again whenever the record has grown. */
	public void assemble(List<TimelineEntry> entries) {
		requireDraft("given a new timeline");
		List<TimelineEntry> sorted = new ArrayList<>(entries);
		sorted.sort(java.util.Comparator.comparing(TimelineEntry::at));
		this.timeline = List.copyOf(sorted);
	}

	public void scheduleReview(Instant meetingAt) {
		requireDraft("rescheduled");
		if (meetingAt == null) {
			throw new InvalidInput(PostmortemVariables.REVIEW_MEETING_AT, "Say when the review meeting is held");
		}
		this.reviewMeetingAt = meetingAt;
	}

	/** What the review wrote down so far; publishing checks it is enough. */
	public void record(PostmortemSections sections) {
		requireDraft("changed");
		this.sections = Objects.requireNonNull(sections, "sections");
	}

	/**
	 * Publishes what was {@link #record recorded}, approved by {@code approvedBy}, with the review's
	 * action items.
	 *
	 * @throws InvalidInput no root causes, no impact, neither action items nor a reason for none,
	 *                      no approver, or published already: the message says what to fix
	 */
	public void publish(String approvedBy, Instant at, List<ActionItem> items) {
		requireDraft("published again");
		if (PostmortemSections.blank(sections.rootCauses())) {
			throw new InvalidInput(PostmortemVariables.ROOT_CAUSES,
					"A postmortem is published with its root causes: write down why it happened");
		}
		if (!sections.hasImpact()) {
			throw new InvalidInput(PostmortemVariables.IMPACT_DURATION,
					"A postmortem is published with its impact: say how long it lasted or who was affected");
		}
		if ((items == null || items.isEmpty()) && PostmortemSections.blank(sections.noActionItemsReason())) {
			throw new InvalidInput(PostmortemVariables.ACTION_ITEMS,
					"A postmortem is published with action items: add at least one, or say why none are needed");
		}
		if (approvedBy == null || approvedBy.isBlank()) {
			throw new InvalidInput(PostmortemVariables.POSTMORTEM_APPROVED, "Say who approved the postmortem");
		}
		this.approvedBy = approvedBy.strip();
		this.publishedAt = Objects.requireNonNull(at, "at");
		this.status = Status.PUBLISHED;
	}

	public boolean published() {
		return status == Status.PUBLISHED;
	}

	private void requireDraft(String change) {
		if (status == Status.PUBLISHED) {
			throw new InvalidInput("postmortem", "The postmortem of " + incidentKey + " was published on "
					+ publishedAt + " and cannot be " + change);
		}
	}

	private static String requireOwner(String owner) {
		if (owner == null || owner.isBlank()) {
			throw new InvalidInput(PostmortemVariables.POSTMORTEM_OWNER, "Name the postmortem's owner");
		}
		if (owner.strip().length() > 64) {
			throw new InvalidInput(PostmortemVariables.POSTMORTEM_OWNER, "An owner is a user id of at most 64 characters");
		}
		return owner.strip();
	}

	public IncidentKey incidentKey() { return incidentKey; }
	public String owner() { return owner; }
	public Status status() { return status; }
	public Instant openedAt() { return openedAt; }
	public Instant reviewMeetingAt() { return reviewMeetingAt; }
	public List<TimelineEntry> timeline() { return timeline; }
	public PostmortemSections sections() { return sections; }
	public String approvedBy() { return approvedBy; }
	public Instant publishedAt() { return publishedAt; }
}
