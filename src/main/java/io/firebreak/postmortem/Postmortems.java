package io.firebreak.postmortem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.IncidentNotFound;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.system.InvalidInput;
import io.firebreak.system.NotFound;

/**
 * The postmortem plan's way in: its delegates call these, inside the engine's transaction (which
 * {@code @Transactional} joins), so the postmortem moves with the plan or not at all.
 */
@Service
@Transactional
public class Postmortems {

	private final PostmortemRepository postmortems;
	private final ActionItems actionItems;
	private final PostmortemTimeline timeline;
	private final IncidentRepository incidents;
	private final IncidentLifecycle lifecycle;
	private final Clock clock;

	Postmortems(PostmortemRepository postmortems, ActionItems actionItems, PostmortemTimeline timeline,
			IncidentRepository incidents, IncidentLifecycle lifecycle, Clock clock) {
		this.postmortems = postmortems;
		this.actionItems = actionItems;
		this.timeline = timeline;
		this.incidents = incidents;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	/** Opens the incident's postmortem as a draft; a plan step run again finds the one it opened. */
	public Postmortem open(IncidentKey key, String owner) {
		Optional<Postmortem> existing = postmortems.findByKey(key);
		if (existing.isPresent()) {
			return existing.get();
		}
		incidents.findByKey(key).orElseThrow(() -> new IncidentNotFound(key));
		Postmortem postmortem = Postmortem.open(key, owner, clock.instant());
		postmortems.insert(postmortem);
		return postmortem;
	}

	public void assignOwner(IncidentKey key, String owner) {
		Postmortem postmortem = load(key);
		postmortem.assignOwner(owner);
		postmortems.update(postmortem);
	}

	/** Assembles the timeline afresh from the record, the plans' tasks and the notifications. */
	public Postmortem assembleTimeline(IncidentKey key) {
		Postmortem postmortem = load(key);
		postmortem.assemble(timeline.assemble(key));
		postmortems.update(postmortem);
		return postmortem;
	}

	public void scheduleReview(IncidentKey key, Instant meetingAt) {
		Postmortem postmortem = load(key);
		postmortem.scheduleReview(meetingAt);
		postmortems.update(postmortem);
	}

	/**
	 * Publishes the review's {@code sections} with its new action items (from
	 * {@link ActionItem#fromJson}), approved by {@code approvedBy}, and notes it on the incident's
	 * timeline. A postmortem whose timeline was never assembled gets it assembled now.
	 *
	 * @return the published postmortem; its stored items are {@link #report}'s
	 * @throws InvalidInput what {@link Postmortem#publish} refuses, or items of another incident;
	 *                      nothing is written then
	 */
	public Postmortem publish(IncidentKey key, PostmortemSections sections, List<ActionItem> items, String approvedBy) {
		Postmortem postmortem = load(key);
		List<ActionItem> review = items == null ? List.of() : items;
		review.stream().filter(item -> !key.equals(item.incidentKey())).findFirst().ifPresent(item -> {
			throw new InvalidInput(PostmortemVariables.ACTION_ITEMS,
					"Action item " + item.position() + " belongs to " + item.incidentKey() + ", not " + key);
		});
		if (postmortem.timeline().isEmpty() && !postmortem.published()) {
			// only in memory until publishing is allowed, as everything here
			postmortem.assemble(timeline.assemble(key));
		}
		postmortem.record(sections);
		postmortem.publish(approvedBy, clock.instant(), review);
		postmortems.update(postmortem);
		List<ActionItem> stored = actionItems.insertAll(review);
		lifecycle.note(key, Kind.POSTMORTEM_PUBLISHED, postmortem.approvedBy(),
				"Postmortem published, approved by %s, with %s".formatted(postmortem.approvedBy(),
						stored.isEmpty() ? "no action items: " + sections.noActionItemsReason()
								: stored.size() + (stored.size() == 1 ? " action item" : " action items")));
		return postmortem;
	}

	@Transactional(readOnly = true)
	public Optional<PostmortemReport> report(IncidentKey key) {
		return postmortems.findByKey(key)
			.flatMap(postmortem -> incidents.findByKey(key)
				.map(incident -> new PostmortemReport(incident, postmortem, actionItems.ofIncident(key))));
	}

	@Transactional(readOnly = true)
	public List<PostmortemSummary> search(PostmortemSearch filter) {
		return postmortems.search(filter);
	}

	private Postmortem load(IncidentKey key) {
		return postmortems.findByKey(key)
			.orElseThrow(() -> new NotFound("No postmortem of " + key + " was opened"));
	}
}
