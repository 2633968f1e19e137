package io.firebreak.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.TimelineEvent;
import io.firebreak.incident.TimelineRepository;
import io.firebreak.notification.Notification;
import io.firebreak.notification.NotificationRepository;

/**
 * The timeline a review starts from, in time order: the incident record (declaration, severity,
 * alerts, pages, acknowledgement, every step and who did it, status updates, resolution), every
 * user task of every plan working on the incident (called plans share its business key) with
 * whom it was assigned to, and every notification sent for it.
 */
@Component
public class PostmortemTimeline {

	/** A task's completion and its step on the record are written in one transaction: far closer than this. */
	private static final Duration SAME_STEP = Duration.ofMinutes(1);

	private final TimelineRepository record;
	private final HistoryService history;
	private final NotificationRepository notifications;

	PostmortemTimeline(TimelineRepository record, HistoryService history, NotificationRepository notifications) {
		this.record = record;
		this.history = history;
		this.notifications = notifications;
	}

	public List<TimelineEntry> assemble(IncidentKey key) {
		List<TimelineEvent> events = record.findByIncident(key);
		// LinkedHashSet: an entry learnt twice the same way (same time, source, actor, text) is kept once
		LinkedHashSet<TimelineEntry> entries = new LinkedHashSet<>();
		for (TimelineEvent event : events) {
			entries.add(new TimelineEntry(event.occurredAt(), source(event.kind()), event.actor(), event.description()));
		}
		for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(key.value())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list()) {
			addTask(entries, task, events);
		}
		for (Notification sent : notifications.forIncident(key.value())) {
			entries.add(notification(sent));
		}
		List<TimelineEntry> sorted = new ArrayList<>(entries);
		// stable: entries at the same moment keep the order above (record, tasks, notifications)
		sorted.sort(Comparator.comparing(TimelineEntry::at));
		return List.copyOf(sorted);
	}

	/**
	 * A task's creation, and its end unless the record already has the step completed (which says
	 * who completed it and what they submitted, more than the history knows).
	 */
	private void addTask(LinkedHashSet<TimelineEntry> entries, HistoricTaskInstance task, List<TimelineEvent> events) {
		String name = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
		String assignee = task.getAssignee();
		if (task.getStartTime() != null) {
			entries.add(new TimelineEntry(task.getStartTime().toInstant(), TimelineEntry.TASK, null,
					"Task " + name + " created" + (assignee == null ? ", unassigned" : ", assigned to " + assignee)));
		}
		if (task.getEndTime() == null) {
			return;
		}
		Instant ended = task.getEndTime().toInstant();
		String reason = task.getDeleteReason();
		boolean completed = reason == null || "completed".equals(reason);
		if (completed && onRecord(events, name, ended)) {
			return;
		}
		entries.add(new TimelineEntry(ended, TimelineEntry.TASK, assignee, "Task " + name
				+ (completed ? " completed" + (assignee == null ? "" : " by " + assignee) : " ended: " + reason)));
	}

	private static boolean onRecord(List<TimelineEvent> events, String taskName, Instant ended) {
		return events.stream()
			.anyMatch(event -> taskName.equals(event.taskName())
					&& Duration.between(event.occurredAt(), ended).abs().compareTo(SAME_STEP) <= 0);
	}

	private static TimelineEntry notification(Notification sent) {
		Instant at = sent.sentAt() != null ? sent.sentAt() : sent.createdAt();
		String kind = sent.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		String channel = sent.channel().name().toLowerCase(Locale.ROOT);
		return new TimelineEntry(at, TimelineEntry.NOTIFICATION, null, "%s%s by %s to %s: %s (%s)".formatted(
				Character.toUpperCase(kind.charAt(0)), kind.substring(1), channel, sent.recipients(), sent.subject(),
				sent.status().name().toLowerCase(Locale.ROOT)));
	}

	private static String source(TimelineEvent.Kind kind) {
		return kind.name().startsWith("ALERT_") ? TimelineEntry.ALERT : TimelineEntry.RECORD;
	}
}
