package io.firebreak.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.firebreak.incident.TimelineRepository;
import io.firebreak.incident.TimelineRepository.ChainedEvent;
import io.firebreak.security.NeedToKnow;

/**
 * Recomputes every incident's hash chain from the stored events and names, per incident, the
 * first link that does not hold. It reports each chain's head (the last event's hash), which an
 * auditor keeps outside Firebreak: a later report whose chain runs through the same head proves
 * that nothing up to it changed since (see the README's "Audit trail and tamper evidence").
 */
@Component
class TimelineVerification {

	record BrokenLink(String incident, Long sequence, Long eventId, Instant occurredAt, String problem) {
	}

	record ChainHead(String incident, long events, String head) {
	}

	/**
	 * {@code retiredIncidents}: incidents the retention policy removed whole (io.firebreak.retention),
	 * each recorded with its chain's last head; their chains are gone, not broken.
	 * {@code unnamedBrokenLinks}: broken links of incidents the reader may not see, counted but not
	 * named (see {@link #within}).
	 */
	record Report(boolean intact, Instant checkedAt, long incidents, long events, long retiredIncidents,
			BrokenLink firstBrokenLink, List<BrokenLink> brokenLinks, List<ChainHead> heads, long unnamedBrokenLinks) {

		/**
		 * The report as a reader who may see only what {@code clearance} covers reads it: still over every
		 * chain, so {@code intact} and the counts stay true, but naming no incident they may not know of.
		 */
		Report within(NeedToKnow.Clearance clearance) {
			List<BrokenLink> named = clearance.only(brokenLinks, BrokenLink::incident);
			return new Report(intact, checkedAt, incidents, events, retiredIncidents, first(named), named,
					clearance.only(heads, ChainHead::incident),
					unnamedBrokenLinks + brokenLinks.size() - named.size());
		}

		private static BrokenLink first(List<BrokenLink> links) {
			return links.stream()
				.min(Comparator.comparing(BrokenLink::occurredAt, Comparator.nullsFirst(Comparator.naturalOrder())))
				.orElse(null);
		}
	}

	private final TimelineRepository timeline;
	private final JdbcClient jdbc;
	private final Clock clock;

	TimelineVerification(TimelineRepository timeline, JdbcClient jdbc, Clock clock) {
		this.timeline = timeline;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Report verify() {
		Instant checkedAt = clock.instant();
		Walk walk = new Walk();
		timeline.forEachInChainOrder(walk::accept);
		walk.finish();
		Set<String> chained = new HashSet<>();
		walk.heads.forEach(head -> chained.add(head.incident()));
		List<String> incidents = jdbc.sql("select incident_key from incident order by incident_key")
			.query(String.class)
			.list();
		for (String incident : incidents) {
			if (!chained.contains(incident)) {
				walk.broken.add(new BrokenLink(incident, null, null, null,
						"the incident has no timeline events: its whole timeline was removed"));
			}
		}
		long retired = jdbc.sql("select count(*) from retired_incident").query(Long.class).single();
		return new Report(walk.broken.isEmpty(), checkedAt, incidents.size(), walk.events, retired,
				Report.first(walk.broken), List.copyOf(walk.broken), List.copyOf(walk.heads), 0);
	}

	/** One pass over all events, incident after incident, each in chain order. */
	private static final class Walk {

		final List<BrokenLink> broken = new ArrayList<>();
		final List<ChainHead> heads = new ArrayList<>();
		long events;
		String incident;
		long incidentEvents;
		ChainedEvent previous;
		boolean reported;

		void accept(ChainedEvent event) {
			events++;
			if (!event.incidentKey().equals(incident)) {
				finish();
				incident = event.incidentKey();
				incidentEvents = 0;
				previous = null;
				reported = false;
			}
			incidentEvents++;
			String problem = problem(event);
			if (problem != null && !reported) {
				// the first broken link of a chain; what follows it cannot be trusted either
				broken.add(new BrokenLink(incident, event.sequence(), event.id(), event.occurredAt(), problem));
				reported = true;
			}
			previous = event;
		}

		private String problem(ChainedEvent event) {
			long expectedSequence = previous == null ? 1 : previous.sequence() + 1;
			if (event.sequence() != expectedSequence) {
				return event.sequence() > expectedSequence
						? "events %d to %d are missing: removed after they were recorded".formatted(expectedSequence,
								event.sequence() - 1)
						: "sequence %d appears twice".formatted(event.sequence());
			}
			String expectedPrevious = previous == null ? null : previous.hash();
			if (!Objects.equals(event.previousHash(), expectedPrevious)) {
				return "its previous hash does not match event %d's hash: the chain was rewritten here"
					.formatted(expectedSequence - 1);
			}
			if (!event.expectedHash().equals(event.hash())) {
				return "its content does not match its hash: the event was changed after it was recorded";
			}
			return null;
		}

		void finish() {
			if (incident != null) {
				heads.add(new ChainHead(incident, incidentEvents, previous.hash()));
			}
		}
	}
}
