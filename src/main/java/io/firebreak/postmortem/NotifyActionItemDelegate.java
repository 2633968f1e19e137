package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemVariables.ACTION_ITEM_ID;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.notification.Channel;
import io.firebreak.notification.NotificationDeliveries;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationRequest;
import io.firebreak.roster.Team;

/**
 * The "Action item notice" building block (template {@code io.firebreak.ActionItemNotice}): input
 * {@code notice} {@code reminder} mails the owner that the item is due soon; {@code overdue} mails
 * the owner and the owner's team, and notes it on the incident's timeline.
 */
@Component
public class NotifyActionItemDelegate implements JavaDelegate {

	private final ActionItems actionItems;
	private final ActionItemFollowUps followUps;
	private final NotificationDeliveries deliveries;
	private final IncidentLifecycle lifecycle;
	private final String baseUrl;

	NotifyActionItemDelegate(ActionItems actionItems, ActionItemFollowUps followUps, NotificationDeliveries deliveries,
			IncidentLifecycle lifecycle, @Value("${firebreak.base-url}") String baseUrl) {
		this.actionItems = actionItems;
		this.followUps = followUps;
		this.deliveries = deliveries;
		this.lifecycle = lifecycle;
		this.baseUrl = baseUrl;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String notice = String.valueOf(execution.getVariableLocal("notice"));
		boolean overdue = switch (notice) {
			case "reminder" -> false;
			case "overdue" -> true;
			default -> throw new IllegalArgumentException("Action item notice: 'notice' is reminder or overdue, not '"
					+ notice + "'");
		};
		long id = ((Number) execution.getVariable(ACTION_ITEM_ID)).longValue();
		ActionItem item = actionItems.find(id).orElseThrow(() -> new IllegalStateException("No action item " + id));
		if (!item.open()) {
			return; // closed while this job waited: nobody needs telling
		}
		Incident incident = lifecycle.load(IncidentResponseVariables.of(execution).incidentKey());
		Map<String, Object> model = Map.of("incident", incident, "baseUrl", baseUrl, "actionItem", item.title(),
				"dueDate", item.dueDate().toString(), "owner", item.owner(), "overdue", overdue);
		String subject = (incident.drill() ? "[DRILL] " : "") + (overdue ? "Overdue action item: " : "Action item due "
				+ item.dueDate() + ": ") + item.title();
		deliveries.queueEach(List.of(new NotificationRequest(incident.key() + "/action-item/" + id + "/" + notice,
				incident.key().value(), NotificationKind.ACTION_ITEM_REMINDER, Channel.EMAIL,
				followUps.recipients(item, overdue), subject, incident.drill(), model)));
		if (overdue) {
			lifecycle.note(incident.key(), Kind.NOTIFICATION, null, "Action item '%s' (owner %s, due %s) is overdue; told %s"
				.formatted(item.title(), item.owner(), item.dueDate(), teams(item)));
		}
	}

	private String teams(ActionItem item) {
		List<String> teams = followUps.teamsOf(item.owner()).stream().map(Team::name).toList();
		return teams.isEmpty() ? "the owner (on no team)" : "the owner and team " + String.join(", ", teams);
	}
}
