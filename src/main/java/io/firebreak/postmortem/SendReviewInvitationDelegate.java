package io.firebreak.postmortem;

import io.firebreak.plan.SubmittedValues;
import static io.firebreak.postmortem.PostmortemVariables.*;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.notification.Channel;
import io.firebreak.notification.NotificationDeliveries;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationRequest;

/**
 * The "Send review invitation" building block (template {@code io.firebreak.SendReviewInvitation}):
 * puts the meeting ({@code reviewMeetingAt}) on the postmortem and mails {@code reviewParticipants}
 * and the owner one iCalendar meeting request. A rescheduled meeting is a new notification (its
 * key holds the time) for the same calendar event (its UID holds only the incident).
 */
@Component
public class SendReviewInvitationDelegate implements JavaDelegate {

	private final Postmortems postmortems;
	private final ReviewInvitation invitation;
	private final ReviewSchedule schedule;
	private final NotificationDeliveries deliveries;
	private final IncidentLifecycle lifecycle;

	SendReviewInvitationDelegate(Postmortems postmortems, ReviewInvitation invitation, ReviewSchedule schedule,
			NotificationDeliveries deliveries, IncidentLifecycle lifecycle) {
		this.postmortems = postmortems;
		this.invitation = invitation;
		this.schedule = schedule;
		this.deliveries = deliveries;
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		Incident incident = lifecycle.load(variables.incidentKey());
		String owner = variables.text(POSTMORTEM_OWNER);
		Instant start = SubmittedValues.instant(REVIEW_MEETING_AT, execution.getVariable(REVIEW_MEETING_AT));
		LinkedHashSet<String> invited = new LinkedHashSet<>(List.of(owner));
		invited.addAll(SubmittedValues.ids(REVIEW_PARTICIPANTS, execution.getVariable(REVIEW_PARTICIPANTS)));
		List<String> participants = List.copyOf(invited);

		postmortems.assignOwner(incident.key(), owner);
		postmortems.scheduleReview(incident.key(), start);
		Map<String, Object> model = invitation.model(incident, start, schedule.length(), owner, participants);
		String ics = invitation.ics(incident.key().value(), incident.title(), start, schedule.length(), owner,
				participants, invitation.postmortemUrl(incident.key().value()));
		deliveries.queueEach(List.of(new NotificationRequest(
				incident.key() + "/review-invitation/" + start.getEpochSecond(), incident.key().value(),
				NotificationKind.REVIEW_INVITATION, Channel.EMAIL, invitation.recipients(participants),
				(incident.drill() ? "[DRILL] " : "") + "Invitation: post-incident review of " + incident.key() + ", "
						+ model.get("reviewWhen"),
				incident.drill(), model)
			.withCalendar(ics)));
	}
}
