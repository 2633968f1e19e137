package io.firebreak.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentType;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;
import io.firebreak.roster.RosterGroup;

/**
 * Need-to-know in mail: a notice about a security incident that reaches anyone outside the security
 * team (a commander, an audience's list, a chat channel) says only that there is news on the
 * incident, by key and severity, and where to sign in to read it; the team's members get it whole. Its title, summary and details
 * stay in Firebreak, behind the same rule as its pages. A page keeps its acknowledgement link.
 */
@Component
class RestrictedNotices {

	static final String TEMPLATE = "restricted-notice";
	/** Marks a request as redacted in its model; the restricted template reads nothing else of the incident. */
	static final String REDACTED = "restrictedNotice";

	private final IncidentRepository incidents;
	private final Roster roster;
	private final String baseUrl;

	RestrictedNotices(IncidentRepository incidents, Roster roster, @Value("${firebreak.base-url}") String baseUrl) {
		this.incidents = incidents;
		this.roster = roster;
		this.baseUrl = baseUrl;
	}

	/**
	 * One notice about a security incident to the security team and to others alike becomes two: the
	 * whole notice to the team's members, the redacted one (its key ending in {@code /restricted}) to
	 * the rest. Any other notice stays as it is.
	 */
	List<NotificationRequest> split(NotificationRequest request) {
		List<String> team = request.recipients().stream().filter(this::inSecurityTeam).toList();
		if (team.isEmpty() || team.size() == request.recipients().size() || restricted(request).isEmpty()) {
			return List.of(request);
		}
		List<String> others = request.recipients().stream().filter(recipient -> !team.contains(recipient)).toList();
		return List.of(request.to(request.key(), team), request.to(request.key() + "/restricted", others));
	}

	/** The request as it may go to its recipients: unchanged, or redacted when the incident is need-to-know. */
	NotificationRequest forRecipients(NotificationRequest request) {
		if (request.recipients().stream().allMatch(this::inSecurityTeam)) {
			return request;
		}
		Optional<Incident> incident = restricted(request);
		if (incident.isEmpty()) {
			return request;
		}
		Incident restricted = incident.get();
		String severity = restricted.severity() == null ? "UNTRIAGED" : restricted.severity().name();
		String news = news(request.kind());
		Map<String, Object> model = new HashMap<>();
		model.put(REDACTED, true);
		model.put("incidentKey", restricted.key().value());
		model.put("severity", severity);
		model.put("drill", restricted.drill());
		model.put("news", news);
		model.put("baseUrl", baseUrl);
		Object acknowledge = request.model().get("acknowledgeUrl");
		if (acknowledge != null) {
			model.put("acknowledgeUrl", acknowledge);
		}
		String subject = "%s[%s][%s] Security incident: %s (need-to-know: sign in to read it)".formatted(
				restricted.drill() ? "[DRILL]" : "", severity, restricted.key(), news);
		// no calendar invitation either: its summary and description would carry the title
		return new NotificationRequest(request.key(), request.incidentKey(), request.kind(), request.channel(),
				request.recipients(), subject, request.drill(), model);
	}

	private Optional<Incident> restricted(NotificationRequest request) {
		return request.incidentKey() == null ? Optional.empty()
				: incidents.findByKey(request.incidentKey()).filter(incident -> incident.type() == IncidentType.SECURITY);
	}

	boolean isRedacted(NotificationRequest request) {
		return request.model().containsKey(REDACTED);
	}

	private boolean inSecurityTeam(String recipient) {
		return roster.people().stream()
			.filter(person -> recipient.equalsIgnoreCase(person.email()) || recipient.equals(person.id()))
			.map(Person::groups)
			.anyMatch(groups -> groups.contains(RosterGroup.SECURITY_TEAM.id()));
	}

	private static String news(NotificationKind kind) {
		return switch (kind) {
			case PAGE -> "you are paged";
			case ESCALATION -> "a page was escalated to you";
			case BREACH_DEADLINE -> "a notification deadline needs you";
			case REVIEW_INVITATION -> "you are invited to its review";
			default -> "news (" + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
		};
	}
}
