package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemVariables.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;
import io.firebreak.roster.Team;

/**
 * When an action item is due, when its owner is reminded, who hears when it is overdue, and the
 * follow-up process that tracks it. An item is due at the end of its due date in its owner's time
 * zone: "due Friday" means Friday evening where the owner works.
 */
@Component
class ActionItemFollowUps {

	private final Roster roster;
	private final Clock clock;
	private final Duration reminderLead;

	ActionItemFollowUps(Roster roster, Clock clock,
			@Value("${firebreak.postmortem.action-item-reminder}") Duration reminderLead) {
		this.roster = roster;
		this.clock = clock;
		this.reminderLead = reminderLead;
	}

	Instant dueAt(ActionItem item) {
		return item.dueDate().plusDays(1).atStartOfDay(roster.person(item.owner()).map(Person::zone).orElse(ZoneOffset.UTC))
			.toInstant();
	}

	/** The configured lead before the due time; an item due sooner than that is reminded of halfway there. */
	Instant remindAt(ActionItem item) {
		Instant now = clock.instant();
		Instant due = dueAt(item);
		Instant remind = due.minus(reminderLead);
		return remind.isAfter(now) ? remind : now.plus(Duration.between(now, due).dividedBy(2));
	}

	/** Starts {@code process} once per open item, with the incident key as business key. */
	void start(String process, Incident incident, List<ActionItem> items, RuntimeService runtime) {
		for (ActionItem item : items) {
			if (!item.open()) {
				continue;
			}
			Map<String, Object> variables = new HashMap<>();
			variables.put(IncidentResponseVariables.INCIDENT_KEY, incident.key().value());
			variables.put(IncidentResponseVariables.TITLE, incident.title());
			variables.put(IncidentResponseVariables.SERVICE, incident.service());
			variables.put(IncidentResponseVariables.DRILL, incident.drill());
			variables.put(ACTION_ITEM_ID, item.id());
			variables.put(ACTION_ITEM_TITLE, item.title());
			variables.put(ACTION_ITEM_OWNER, item.owner());
			variables.put(ACTION_ITEM_DUE, Date.from(dueAt(item)));
			variables.put(ACTION_ITEM_REMIND_AT, Date.from(remindAt(item)));
			runtime.startProcessInstanceByKey(process, incident.key().value(), variables);
		}
	}

	/** The owner, and for an overdue item also the manager and members of every team the owner is on. */
	List<String> recipients(ActionItem item, boolean overdue) {
		Set<String> people = new LinkedHashSet<>(List.of(item.owner()));
		if (overdue) {
			teamsOf(item.owner()).forEach(team -> {
				if (team.manager() != null) {
					people.add(team.manager());
				}
				team.layers().forEach(layer -> people.addAll(layer.members()));
			});
		}
		return people.stream().flatMap(id -> roster.person(id).stream()).map(Person::email).toList();
	}

	List<Team> teamsOf(String person) {
		return roster.teams().stream()
			.filter(team -> person.equals(team.manager())
					|| team.layers().stream().anyMatch(layer -> layer.members().contains(person)))
			.toList();
	}
}
