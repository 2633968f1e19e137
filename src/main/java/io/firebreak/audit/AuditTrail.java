package io.firebreak.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.firebreak.audit.AuditEntry.Source;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.TimelineRepository;
import io.firebreak.incident.TimelineRepository.ChainedEvent;
import io.firebreak.notification.Notification;
import io.firebreak.notification.NotificationRepository;
import io.firebreak.security.NeedToKnow;
import io.firebreak.system.NotFound;

/**
 * An incident's whole story in one chronological list: Firebreak's record (hash-chained), every
 * notification with its message id, and Camunda's history of every plan that worked on it.
 */
@Component
class AuditTrail {

	record IncidentTrail(Incident incident, List<AuditEntry> entries) {

		IncidentTrail only(Set<AuditEntry.Source> sources) {
			return new IncidentTrail(incident, entries.stream().filter(entry -> sources.contains(entry.source())).toList());
		}
	}

	private final IncidentRepository incidents;
	private final TimelineRepository timeline;
	private final NotificationRepository notifications;
	private final EngineHistoryTrail engineHistory;
	private final NeedToKnow needToKnow;

	AuditTrail(IncidentRepository incidents, TimelineRepository timeline, NotificationRepository notifications,
			EngineHistoryTrail engineHistory, NeedToKnow needToKnow) {
		this.incidents = incidents;
		this.needToKnow = needToKnow;
		this.timeline = timeline;
		this.notifications = notifications;
		this.engineHistory = engineHistory;
	}

	/** The trail as {@code reader} may read it: a security incident they may not see is not found, as an unknown one. */
	IncidentTrail of(String key, Authentication reader) {
		// a malformed key finds nothing, like an unknown one
		Incident incident = Optional.of(key)
			.filter(IncidentKey::isWellFormed)
			.flatMap(incidents::findByKey)
			.filter(found -> needToKnow.maySee(found, reader))
			.orElseThrow(() -> new NotFound("No incident " + key));
		EngineHistoryTrail.History history = engineHistory.of(key);
		// the plan the incident ran, as its history knows it (none once history cleanup removed it)
		String plan = incident.processInstanceId() == null ? null : history.plans().get(incident.processInstanceId());
		List<AuditEntry> entries = new ArrayList<>();
		timeline.findChainedByIncident(incident.key()).forEach(event -> entries.add(record(event, plan)));
		notifications.forIncident(key).forEach(sent -> entries.add(notification(sent, plan)));
		entries.addAll(history.entries());
		// stable: lines of one moment keep the order above (record, notifications, history)
		entries.sort(Comparator.comparing(AuditEntry::at));
		return new IncidentTrail(incident, List.copyOf(entries));
	}

	static AuditEntry record(ChainedEvent event, String plan) {
		return new AuditEntry(event.occurredAt(), event.incidentKey(), Source.RECORD, plan, event.taskName(),
				event.actor(), event.kind().toLowerCase(Locale.ROOT).replace('_', ' '), event.description(), Map.of(),
				event.sequence(), event.hash());
	}

	static AuditEntry notification(Notification sent, String plan) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("messageId", sent.messageId());
		if (sent.inReplyTo() != null) {
			values.put("inReplyTo", sent.inReplyTo());
		}
		values.put("status", sent.status().name().toLowerCase(Locale.ROOT));
		values.put("attempts", String.valueOf(sent.attempts()));
		if (sent.lastError() != null) {
			values.put("lastError", sent.lastError());
		}
		String kind = sent.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return new AuditEntry(sent.sentAt() != null ? sent.sentAt() : sent.createdAt(), sent.incidentKey(),
				Source.NOTIFICATION, plan, kind, null, kind + " " + sent.status().name().toLowerCase(Locale.ROOT),
				"%s by %s to %s: %s".formatted(kind, sent.channel().name().toLowerCase(Locale.ROOT), sent.recipients(),
						sent.subject()),
				values, null, null);
	}
}
