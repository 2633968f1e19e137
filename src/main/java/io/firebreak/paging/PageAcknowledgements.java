package io.firebreak.paging;

import static io.firebreak.incident.IncidentResponseVariables.ACKNOWLEDGEMENT_NOTE;
import static io.firebreak.incident.IncidentResponseVariables.ESCALATION_LEVEL;
import static io.firebreak.incident.IncidentResponseVariables.INCIDENT_KEY;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.Milestone;
import io.firebreak.plan.MilestoneTasks;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;

/**
 * Acknowledges a page from the link in its mail, without signing in. The link stands for one step
 * of one escalation and is honoured only while that page is the one waiting: once the page is
 * acknowledged, escalates or expires, the link changes nothing.
 */
@Service
class PageAcknowledgements {

	/** Where a link stands, and what the one who opened it may do. */
	enum State {
		/** The page waits for acknowledgement and the link may acknowledge it. */
		OPEN,
		/** The page was acknowledged already (by this link or otherwise). */
		USED,
		/** The page escalated, or the link's time ran out. */
		EXPIRED,
		/** The link was not made by Firebreak, or was altered. */
		FORGED,
		/** The page's step has not committed yet (its mail can arrive first): try again in a moment. */
		PENDING
	}

	/** What a link's page looks like now; {@code incident} and {@code person} are null when forged. */
	record Look(State state, Incident incident, Person person, String detail) {
	}

	static final int MAX_NOTE_LENGTH = 2000;
	static final String DEFAULT_NOTE = "Acknowledged from the page mail";

	private final AcknowledgementLinks links;
	private final MilestoneTasks milestoneTasks;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final IdentityService identity;
	private final IncidentLifecycle lifecycle;
	private final Roster roster;
	private final TransactionTemplate transaction;
	private final Clock clock;

	PageAcknowledgements(AcknowledgementLinks links, MilestoneTasks milestoneTasks, RuntimeService runtime,
			TaskService tasks, IdentityService identity, IncidentLifecycle lifecycle, Roster roster,
			TransactionTemplate transaction, Clock clock) {
		this.links = links;
		this.milestoneTasks = milestoneTasks;
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
		this.lifecycle = lifecycle;
		this.roster = roster;
		this.transaction = transaction;
		this.clock = clock;
	}

	Look look(String token) {
		Optional<AcknowledgementLink> read = links.read(token);
		if (read.isEmpty()) {
			return new Look(State.FORGED, null, null, "This link was not made by Firebreak or has been altered.");
		}
		AcknowledgementLink link = read.get();
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(link.processInstanceId())
			.singleResult();
		Incident incident = incidentOf(instance, link);
		Person person = roster.person(link.person()).orElse(null);
		if (incident == null || person == null) {
			return new Look(State.EXPIRED, incident, person, "The incident this page was for is over, or the person it"
					+ " was sent to is no longer on the roster.");
		}
		boolean waiting = openAcknowledgement(link).isPresent();
		if (incident.acknowledgedAt() != null && !waiting) {
			return new Look(State.USED, incident, person, "The page was acknowledged by " + incident.acknowledgedBy()
					+ " at " + incident.acknowledgedAt() + ".");
		}
		Object step = runtime.getVariable(link.processInstanceId(), ESCALATION_LEVEL);
		if (step == null || (step instanceof Number before && before.intValue() < link.step())) {
			return new Look(State.PENDING, incident, person, "The page is still being sent; open the link again in a"
					+ " moment.");
		}
		if (!(step instanceof Number number) || number.intValue() != link.step()) {
			return new Look(State.EXPIRED, incident, person, "The page was not acknowledged in time and has escalated;"
					+ " it can still be worked in Tasklist.");
		}
		if (link.expiredAt(clock.instant())) {
			return new Look(State.EXPIRED, incident, person, "The link's time ran out at " + link.expiresAt() + ".");
		}
		if (!waiting) {
			return new Look(State.USED, incident, person, "There is no page waiting for acknowledgement.");
		}
		return new Look(State.OPEN, incident, person, null);
	}

	/**
	 * Acknowledges the page as the person it was sent to, if the link still stands for the waiting
	 * page; otherwise changes nothing and says why.
	 */
	Look acknowledge(String token, String note) {
		if (note != null && note.length() > MAX_NOTE_LENGTH) {
			throw new IllegalArgumentException("The note is " + note.length() + " characters long; keep it to "
					+ MAX_NOTE_LENGTH);
		}
		Look look = look(token);
		if (look.state() != State.OPEN) {
			return look;
		}
		AcknowledgementLink link = links.read(token).orElseThrow();
		try {
			transaction.executeWithoutResult(status -> completeAs(link, note));
		}
		catch (ProcessEngineException raced) {
			// the page escalated or was acknowledged between the look and the click
			Look now = look(token);
			if (now.state() == State.OPEN) {
				throw raced;
			}
			return now;
		}
		return new Look(State.USED, lifecycle.load(look.incident().key()), look.person(), null);
	}

	private void completeAs(AcknowledgementLink link, String note) {
		Task task = openAcknowledgement(link).orElseThrow(() -> new OptimisticLockingException("acknowledged meanwhile"));
		List<String> groups = identity.createGroupQuery().groupMember(link.person()).list().stream()
			.map(Group::getId).toList();
		identity.setAuthentication(link.person(), groups);
		try {
			if (!link.person().equals(task.getAssignee())) {
				tasks.setAssignee(task.getId(), link.person());
			}
			tasks.complete(task.getId(), Map.of(ACKNOWLEDGEMENT_NOTE, note == null || note.isBlank() ? DEFAULT_NOTE
					: note.strip()));
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private Optional<Task> openAcknowledgement(AcknowledgementLink link) {
		return milestoneTasks.open(link.processInstanceId(), Milestone.ACKNOWLEDGED);
	}

	private Incident incidentOf(ProcessInstance instance, AcknowledgementLink link) {
		if (instance == null) {
			return null;
		}
		Object key = runtime.getVariable(link.processInstanceId(), INCIDENT_KEY);
		return key == null ? null : lifecycle.load(new IncidentKey(key.toString()));
	}
}
