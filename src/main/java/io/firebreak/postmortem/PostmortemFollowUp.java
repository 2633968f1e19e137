package io.firebreak.postmortem;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.PostIncidentAnalysis;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;

/** The postmortems and their action items as the dashboard and the incident page show them. */
@Component
class PostmortemFollowUp implements PostIncidentAnalysis {

	private final PostmortemRepository postmortems;
	private final ActionItems actionItems;
	private final Roster roster;

	PostmortemFollowUp(PostmortemRepository postmortems, ActionItems actionItems, Roster roster) {
		this.postmortems = postmortems;
		this.actionItems = actionItems;
		this.roster = roster;
	}

	@Override
	public List<ActionItemLine> openActionItems(LocalDate today) {
		// soonest due first, so the overdue ones (due before today) already come first
		return actionItems.open().stream().map(item -> line(item, today)).toList();
	}

	@Override
	public Optional<PostmortemOutline> postmortemOf(IncidentKey incident, LocalDate today) {
		return postmortems.findByKey(incident)
			.map(postmortem -> new PostmortemOutline(postmortem.status().name(), postmortem.owner(),
					nameOf(postmortem.owner()), postmortem.reviewMeetingAt(),
					actionItems.ofIncident(incident).stream().map(item -> line(item, today)).toList()));
	}

	private ActionItemLine line(ActionItem item, LocalDate today) {
		return new ActionItemLine(item.incidentKey(), item.title(), item.owner(), nameOf(item.owner()), item.dueDate(),
				item.priority().value(), item.status().name(), item.open() && item.dueDate().isBefore(today));
	}

	private String nameOf(String person) {
		return person == null ? null : roster.person(person).map(Person::name).orElse(person);
	}
}
