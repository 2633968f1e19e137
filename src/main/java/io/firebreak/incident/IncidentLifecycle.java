package io.firebreak.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.roster.Roster;

/**
 * Keeps the incident record in step with the plan. Called from the plan's delegates and task
 * listeners, so every change commits (or rolls back) with the engine's own transaction.
 */
@Service
public class IncidentLifecycle {

	private final IncidentRepository incidents;
	private final TimelineRepository timeline;
	private final Roster roster;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	IncidentLifecycle(IncidentRepository incidents, TimelineRepository timeline, Roster roster, Clock clock,
			ApplicationEventPublisher events) {
		this.incidents = incidents;
		this.timeline = timeline;
		this.roster = roster;
		this.clock = clock;
		this.events = events;
	}

	public Incident declare(IncidentKey key, IncidentDeclaration declaration, String declaredBy,
			String processInstanceId) {
		roster.requireService("service", declaration.service());
		Incident incident = Incident.declare(key, declaration, declaredBy, clock.instant(), processInstanceId);
		incidents.insert(incident);
		timeline.append(TimelineEvent.of(key, incident.declaredAt(), Kind.DECLARED, declaredBy,
				"%sDeclared: %s (service %s, impact %s, urgency %s)".formatted(declaration.drill() ? "[DRILL] " : "",
						declaration.title(), declaration.service(), declaration.impact().value(),
						declaration.urgency().value())));
		return incident;
	}

	/**
	 * Applies the table's severity, or the commander's override of it, and returns the one in
	 * force. Called at declaration (pre-assessment) and again after the commander's assessment.
	 */
	public Severity classify(IncidentKey key, Severity tableSeverity, Optional<SeverityOverride> override,
			String actor) {
		Incident incident = load(key);
		Severity chosen = override.map(SeverityOverride::severity).orElse(tableSeverity);
		Optional<Severity> previous = incident.classify(chosen);
		boolean changed = previous.filter(p -> p != chosen).isPresent();
		String basis = "impact %s, urgency %s".formatted(incident.impact().value(), incident.urgency().value());
		String description;
		if (override.isPresent()) {
			description = "Severity %s set by %s, overriding the priority table's %s: %s".formatted(chosen, actor,
					tableSeverity, override.get().reason());
		}
		else if (previous.isEmpty()) {
			description = "Severity %s from the priority table (%s)".formatted(chosen, basis);
		}
		else if (changed) {
			description = "Severity changed from %s to %s by the assessment (%s)".formatted(previous.get(), chosen, basis);
		}
		else {
			description = "Severity %s confirmed by the assessment (%s)".formatted(chosen, basis);
		}
		incidents.update(incident);
		timeline.append(TimelineEvent.of(key, clock.instant(), changed ? Kind.SEVERITY_CHANGED : Kind.SEVERITY_SET,
				actor, description));
		return chosen;
	}

	/**
	 * A step of the plan was completed: moves the incident on when the step marks a milestone, and
	 * puts who did it and what they submitted (one "label: value" each) on the timeline.
	 */
	public void completeStep(IncidentKey key, Optional<Milestone> milestone, IncidentResponseVariables variables,
			String actor, String stepName, List<String> submitted) {
		Incident incident = load(key);
		Instant at = clock.instant();
		Instant before = milestone.map(reached -> timeOf(reached, incident)).orElse(null);
		milestone.ifPresent(reached -> reach(reached, incident, variables, actor, at));
		incidents.update(incident);
		if (milestone.filter(reached -> reached == Milestone.ASSESSED || reached == Milestone.ACKNOWLEDGED).isPresent()) {
			events.publishEvent(new IncidentRoleHoldersChanged(incident));
		}
		timeline.append(new TimelineEvent(key, at, milestone.map(Milestone::timelineKind).orElse(Kind.STEP_COMPLETED),
				actor, StepDescription.of(stepName, submitted), stepName));
		// first time only: contained and mitigated keep their first times when recovery loops back
		milestone.filter(reached -> before == null && timeOf(reached, incident) != null)
			.ifPresent(reached -> events.publishEvent(new IncidentMilestoneReached(key, reached, incident.declaredAt(),
					timeOf(reached, incident), incident.severity(), incident.service(), incident.drill())));
	}

	/** When the incident reached a timed milestone; null before it did, and for milestones without a time of their own. */
	private static Instant timeOf(Milestone milestone, Incident incident) {
		return switch (milestone) {
			case ACKNOWLEDGED -> incident.acknowledgedAt();
			case CONTAINED -> incident.containedAt();
			case MITIGATED -> incident.mitigatedAt();
			case RESOLVED -> incident.resolvedAt();
			default -> null;
		};
	}

	private void reach(Milestone milestone, Incident incident, IncidentResponseVariables variables, String actor,
			Instant at) {
		switch (milestone) {
			case ASSESSED -> incident.assess(Assessment.from(variables, roster), at);
			case ACKNOWLEDGED -> {
				incident.acknowledge(actor, at);
				variables.set(IncidentResponseVariables.RESPONDER, actor);
			}
			case CONTAINED -> incident.contain(at);
			case MITIGATED -> incident.mitigate(at);
			case RECOVERED -> incident.checkRecovery(variables.flag(IncidentResponseVariables.RECOVERED));
			case RESOLVED -> incident.resolve(at);
			case REVIEWED -> {
				if (incident.status() != IncidentStatus.RESOLVED) {
					throw new IllegalIncidentTransition(incident.key(), "reviewed", incident.status());
				}
			}
			case CLOSED -> incident.close(at);
			case DECLARED, PRIORITISED -> throw new IllegalStateException(
					"milestone '" + milestone.value() + "' belongs on a start event or a business rule task, not a step");
		}
	}

	public void note(IncidentKey key, Kind kind, String actor, String description) {
		load(key);
		timeline.append(TimelineEvent.of(key, clock.instant(), kind, actor, description));
	}

	public void close(IncidentKey key) {
		Incident incident = load(key);
		incident.close(clock.instant());
		incidents.update(incident);
		timeline.append(TimelineEvent.of(key, incident.closedAt(), Kind.CLOSED, null, "Incident closed"));
	}

	public Incident load(IncidentKey key) {
		return incidents.findByKey(key).orElseThrow(() -> new IncidentNotFound(key));
	}
}
