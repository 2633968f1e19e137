package io.firebreak.postmortem;

import java.time.Instant;
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
	private final ActionItemFollowUps followUps;
	private final Roster roster;

	PostmortemFollowUp(PostmortemRepository postmortems, ActionItems actionItems, ActionItemFollowUps followUps,
			Roster roster) {
		this.postmortems = postmortems;
		this.actionItems = actionItems;
		this.followUps = followUps;
		this.roster = roster;
	}

	@Override
	public List<ActionItemLine> openActionItems(Instant now) {
		// soonest due first, so the overdue ones already come first
		return actionItems.open().stream().map(item -> line(item, now)).toList();
	}

	@Override
	public Optional<PostmortemOutline> postmortemOf(IncidentKey incident, Instant now) {
		return postmortems.findByKey(incident)
			.map(postmortem -> new PostmortemOutline(postmortem.status().name(), postmortem.owner(),
					nameOf(postmortem.owner()), postmortem.reviewMeetingAt(),
					actionItems.ofIncident(incident).stream().map(item -> line(item, now)).toList()));
	}

	// overdue as the follow-up counts it, so the page and the owner's team hear of it at the same moment
	private ActionItemLine line(ActionItem item, Instant now) {
		return new ActionItemLine(item.incidentKey(), item.title(), item.owner(), nameOf(item.owner()), item.dueDate(),
				item.priority().value(), item.status().name(), item.open() && !followUps.dueAt(item).isAfter(now));
	}

	private String nameOf(String person) {
		return person == null ? null : roster.person(person).map(Person::name).orElse(person);
	}
}
