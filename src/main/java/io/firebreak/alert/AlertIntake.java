package io.firebreak.alert;

import static io.firebreak.incident.IncidentResponseVariables.MESSAGE_ALERT_RECEIVED;
import static io.firebreak.incident.IncidentResponseVariables.MESSAGE_ALERT_RESOLVED;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.alert.AlertGroups.LockedGroup;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentKeys;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.roster.OwnedService;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes alerts in: the first firing of a group declares an incident (its alerts go on the timeline
 * with the declaration), what follows is correlated into that incident's running plan, and a
 * resent event changes nothing. Each delivery is one
 * transaction, the engine's: the group's row lock, the events, the declaration and the plan's
 * timeline entries commit together or not at all.
 */
@Service
public class AlertIntake {

	public enum Result {
		/** the first firing of the group (since its last incident was resolved) declared an incident */
		DECLARED,
		/** news for the group's open incident, correlated into its plan */
		APPENDED,
		/** every event of the delivery was taken in before */
		DUPLICATE,
		/** an acknowledge or resolve for a group with no open incident: kept, nothing to tell */
		NO_OPEN_INCIDENT
	}

	public record Outcome(Result result, String groupKey, Optional<IncidentKey> incident, int newEvents) {
	}

	// Deliveries of one group queue here before they take a connection, so a storm on one group
	// does not hold the pool waiting on its row lock; the row lock still orders them across nodes.
	private final ReentrantLock[] groupStripes = new ReentrantLock[256];
	private final AlertPayloads payloads;
	private final AlertRouting routing;
	private final AlertGroups groups;
	private final AlertTimeline timeline;
	private final IncidentDeclarations declarations;
	private final IncidentKeys keys;
	private final IncidentRepository incidents;
	private final PlanMessages plan;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final MeterRegistry meters;

	AlertIntake(AlertPayloads payloads, AlertRouting routing, AlertGroups groups, AlertTimeline timeline,
			IncidentDeclarations declarations, IncidentKeys keys, IncidentRepository incidents, PlanMessages plan,
			PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
		this.payloads = payloads;
		this.routing = routing;
		this.groups = groups;
		this.timeline = timeline;
		this.declarations = declarations;
		this.keys = keys;
		this.incidents = incidents;
		this.plan = plan;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.meters = meters;
		for (int i = 0; i < groupStripes.length; i++) {
			groupStripes[i] = new ReentrantLock();
		}
	}

	/** An Alertmanager webhook notification, authenticated by {@code integrationKey}. */
	public Outcome alertmanager(String integrationKey, byte[] body) {
		routing.requireKnown(integrationKey);
		AlertDelivery delivery = payloads.alertmanager(body);
		return receive(delivery, routing.route(integrationKey, delivery.serviceHints()));
	}

	/** A PagerDuty Events API v2 event, authenticated by its {@code routing_key}. */
	public Outcome pagerDuty(byte[] body) {
		AlertPayloads.PagerDutyRequest request = payloads.pagerDuty(body);
		routing.requireKnown(request.routingKey());
		AlertDelivery delivery = request.delivery();
		return receive(delivery, routing.route(request.routingKey(), delivery.serviceHints()));
	}

	Outcome receive(AlertDelivery delivery, OwnedService service) {
		Outcome outcome = groups.allSeen(delivery)
			.map(incident -> new Outcome(Result.DUPLICATE, delivery.groupKey(), incident, 0))
			.orElseGet(() -> takeInLocked(delivery, service));
		meters.counter("firebreak.alerts.received", "source", delivery.source().id(), "result",
				outcome.result().name().toLowerCase(Locale.ROOT)).increment();
		return outcome;
	}

	private Outcome takeInLocked(AlertDelivery delivery, OwnedService service) {
		ReentrantLock stripe = groupStripes[Math.floorMod(delivery.groupHash().hashCode(), groupStripes.length)];
		stripe.lock();
		try {
			// A delivery that will declare takes its key before its transaction, so that it does not
			// hold the key counter's lock (or a second connection) while it declares. The guess is
			// made under the group's stripe, so only another node's delivery of the same new group
			// can prove it wrong; the key it took is then left unused.
			Optional<IncidentKey> reserved = delivery.fires() && !groups.hasOpenIncident(delivery)
					? Optional.of(keys.reserve()) : Optional.empty();
			return Retries.onContention(() -> transaction.execute(status -> takeIn(delivery, service, reserved)),
					() -> meters.counter("firebreak.alerts.retried", "source", delivery.source().id()).increment());
		}
		finally {
			stripe.unlock();
		}
	}

	private Outcome takeIn(AlertDelivery delivery, OwnedService service, Optional<IncidentKey> reserved) {
		Instant now = clock.instant();
		LockedGroup group = groups.lock(delivery, service.id(), now);
		List<AlertEvent> fresh = groups.unseen(delivery.events());
		if (fresh.isEmpty()) {
			return new Outcome(Result.DUPLICATE, delivery.groupKey(), group.incident(), 0);
		}
		Optional<Incident> open = group.incident().flatMap(incidents::findByKey).filter(i -> i.status().isOpen());
		if (open.isPresent()) {
			groups.takeIn(group.id(), group.incident(), fresh, now);
			boolean resolved = delivery.status() == AlertDelivery.Status.RESOLVED
					&& fresh.stream().anyMatch(event -> event.kind() == AlertEvent.Kind.RESOLVED);
			tellPlan(open.get(), resolved ? MESSAGE_ALERT_RESOLVED : MESSAGE_ALERT_RECEIVED);
			return new Outcome(Result.APPENDED, delivery.groupKey(), group.incident(), fresh.size());
		}
		if (fresh.stream().anyMatch(event -> event.kind() == AlertEvent.Kind.FIRING)) {
			IncidentKey key = declarations.declare(AlertDeclarations.of(delivery, service), delivery.source().id(),
					reserved.orElseGet(keys::next));
			groups.assign(group.id(), key);
			groups.takeIn(group.id(), Optional.of(key), fresh, now);
			// The plan was started for these very alerts: they go on the timeline with the
			// declaration, without a message round trip through the instance that just began.
			timeline.recordPending(key);
			return new Outcome(Result.DECLARED, delivery.groupKey(), Optional.of(key), fresh.size());
		}
		groups.takeIn(group.id(), Optional.empty(), fresh, now);
		return new Outcome(Result.NO_OPEN_INCIDENT, delivery.groupKey(), group.incident(), fresh.size());
	}

	// A plan started before alert intake existed has no alert event subprocesses: the events go
	// straight to the timeline then, so that no running incident misses its alerts.
	private void tellPlan(Incident incident, String message) {
		if (!plan.correlate(incident, message)) {
			timeline.recordPending(incident.key());
		}
	}
}
