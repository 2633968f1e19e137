package io.firebreak.notification;

import static io.firebreak.incident.IncidentResponseVariables.*;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.roster.OwnedService;
import io.firebreak.roster.Roster;

/**
 * The "Notify audiences" building block (template {@code io.firebreak.NotifyAudiences}): sends a
 * notice to every audience of {@code config/audiences.yaml} that the incident's severity reaches,
 * each its part: the tactical update (conditions, actions, needs), the executive summary
 * (current status, overview, next steps) or the customer message, which also goes to the public
 * status page. Input {@code notice}: {@code initial} (after the assessment), {@code update} (from
 * the status update form's variables) or {@code resolution}. Deliveries are queued
 * ({@link NotificationDeliveries}), so a failing channel never holds the plan.
 */
@Component
public class NotifyAudiencesDelegate implements JavaDelegate {

	enum Notice {
		INITIAL, UPDATE, RESOLUTION;

		static Notice of(Object input) {
			String value = input == null ? "" : input.toString().strip().toLowerCase(Locale.ROOT);
			for (Notice notice : values()) {
				if (notice.name().toLowerCase(Locale.ROOT).equals(value)) {
					return notice;
				}
			}
			throw new IllegalArgumentException("Notify audiences: input notice must be initial, update or resolution"
					+ " (was '" + input + "')");
		}
	}

	static final List<String> CUSTOMER_STATUSES = List.of("investigating", "identified", "monitoring", "resolved");

	private final IncidentLifecycle lifecycle;
	private final Audiences audiences;
	private final NotificationTargets targets;
	private final NotificationDeliveries deliveries;
	private final ObjectProvider<CustomerUpdatePublisher> statusPage;
	private final Roster roster;
	private final Clock clock;
	private final String baseUrl;

	NotifyAudiencesDelegate(IncidentLifecycle lifecycle, Audiences audiences, NotificationTargets targets,
			NotificationDeliveries deliveries, ObjectProvider<CustomerUpdatePublisher> statusPage, Roster roster,
			Clock clock, @Value("${firebreak.base-url}") String baseUrl) {
		this.lifecycle = lifecycle;
		this.audiences = audiences;
		this.targets = targets;
		this.deliveries = deliveries;
		this.statusPage = statusPage;
		this.roster = roster;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentResponseVariables variables = IncidentResponseVariables.of(execution);
		Notice notice = Notice.of(execution.getVariableLocal(NOTICE));
		Incident incident = lifecycle.load(variables.incidentKey());
		String severity = incident.severity() == null ? null : incident.severity().name();
		// a retried job finds the number it had: the variable is written in the same transaction
		int number = notice == Notice.UPDATE ? nextUpdateNumber(variables) : 0;
		String keyPrefix = incident.key() + "/notice/" + notice.name().toLowerCase(Locale.ROOT)
				+ (number > 0 ? "/" + number : "");
		List<String> heard = new ArrayList<>();
		List<NotificationRequest> requests = new ArrayList<>();
		for (Audience audience : audiences.reachedBy(severity, incident.drill())) {
			Map<String, Object> model = model(notice, audience.receives(), incident, variables);
			if (model == null) {
				continue; // nothing a person wrote for this audience (customers before the first update)
			}
			heard.add(audience.name());
			NotificationKind kind = kind(notice, audience.receives());
			String subject = audience.receives() == Audience.Part.CUSTOMER
					? serviceName(incident) + ": " + model.get("statusLabel")
					: incident.headline() + subjectSuffix(notice, number);
			targets.forAudience(audience.id(), incident.drill()).forEach(target -> requests.add(targets.request(
					audience.id(), target, keyPrefix + "/" + audience.id(), incident.key().value(), kind, subject,
					incident.drill(), model)));
			if (audience.receives() == Audience.Part.CUSTOMER && !incident.drill()) {
				statusPage.ifAvailable(page -> page.publish(incident.key(), (String) model.get("status"),
						(String) model.get("message"), actor(variables), clock.instant()));
			}
		}
		// noted first, so the timeline reads the notice, then how each of its deliveries went
		lifecycle.note(incident.key(), Kind.STATUS_UPDATE, actor(variables), describe(notice, number, heard, variables));
		deliveries.queueEach(requests);
	}

	private static int nextUpdateNumber(IncidentResponseVariables variables) {
		Integer previous = variables.number(STATUS_UPDATE_NUMBER);
		int number = previous == null ? 1 : previous + 1;
		variables.set(STATUS_UPDATE_NUMBER, number);
		return number;
	}

	private static NotificationKind kind(Notice notice, Audience.Part part) {
		return switch (part) {
			case CUSTOMER -> NotificationKind.CUSTOMER_UPDATE;
			case EXECUTIVE -> notice == Notice.RESOLUTION ? NotificationKind.RESOLUTION : NotificationKind.EXECUTIVE_SUMMARY;
			case TACTICAL -> notice == Notice.RESOLUTION ? NotificationKind.RESOLUTION : NotificationKind.STATUS_UPDATE;
		};
	}

	/** The template model of one part; null when there is nothing to send that part. */
	private Map<String, Object> model(Notice notice, Audience.Part part, Incident incident,
			IncidentResponseVariables variables) {
		Map<String, Object> model = new HashMap<>();
		model.put("baseUrl", baseUrl);
		if (part == Audience.Part.CUSTOMER) {
			// customers get what a person wrote for them and the service's name, never internal text
			String message = variables.text(CUSTOMER_MESSAGE);
			if (notice == Notice.RESOLUTION && (message == null || message.isBlank())) {
				message = "The issue affecting " + serviceName(incident) + " has been resolved.";
			}
			if (notice == Notice.INITIAL || message == null || message.isBlank()) {
				return null;
			}
			String status = notice == Notice.RESOLUTION ? "resolved" : customerStatus(variables.text(CUSTOMER_STATUS));
			model.put("serviceName", serviceName(incident));
			model.put("status", status);
			model.put("statusLabel", Character.toUpperCase(status.charAt(0)) + status.substring(1));
			model.put("message", message.strip());
			return model;
		}
		model.put("incident", incident);
		nextUpdate(variables).ifPresent(next -> model.put("nextUpdate", next));
		if (notice == Notice.RESOLUTION) {
			model.put("resolutionSummary", orEmpty(variables.text(RESOLUTION_SUMMARY)));
			return model;
		}
		String commander = roster.person(incident.commander()).map(p -> p.name()).orElse("not yet named");
		if (part == Audience.Part.EXECUTIVE) {
			model.put("currentStatus", notice == Notice.INITIAL
					? incident.severity() + " incident declared; incident commander: " + commander
					: orEmpty(variables.text(CURRENT_STATUS)));
			model.put("overview", notice == Notice.INITIAL ? firstOf(incident.customerImpact(), incident.summary(),
					incident.title()) : orEmpty(variables.text(OVERVIEW)));
			putIfGiven(model, "nextSteps", notice == Notice.INITIAL ? null : variables.text(NEXT_STEPS));
			return model;
		}
		model.put("conditions", notice == Notice.INITIAL ? firstOf(incident.customerImpact(), incident.summary(),
				incident.title()) : orEmpty(variables.text(CONDITIONS)));
		model.put("actions", notice == Notice.INITIAL ? "Responding; incident commander: " + commander
				: orEmpty(variables.text(ACTIONS)));
		putIfGiven(model, "needs", notice == Notice.INITIAL ? null : variables.text(NEEDS));
		return model;
	}

	// a notification's model holds no nulls; a template's th:if treats a missing value as not given
	private static void putIfGiven(Map<String, Object> model, String name, String value) {
		if (value != null && !value.isBlank()) {
			model.put(name, value);
		}
	}

	private static String customerStatus(String status) {
		if (status == null || status.isBlank()) {
			return "investigating";
		}
		if (!CUSTOMER_STATUSES.contains(status)) {
			throw new IllegalArgumentException("Notify audiences: customerStatus must be one of " + CUSTOMER_STATUSES
					+ " (was '" + status + "')");
		}
		return status;
	}

	private static java.util.Optional<String> nextUpdate(IncidentResponseVariables variables) {
		String cadence = variables.text(UPDATE_CADENCE);
		try {
			return cadence == null ? java.util.Optional.empty()
					: java.util.Optional.of("in " + Duration.parse(cadence).toMinutes() + " minutes");
		}
		catch (DateTimeParseException notADuration) {
			return java.util.Optional.empty();
		}
	}

	private String serviceName(Incident incident) {
		return roster.service(incident.service()).map(OwnedService::name).orElse(incident.service());
	}

	private static String subjectSuffix(Notice notice, int number) {
		return switch (notice) {
			case INITIAL -> "";
			case UPDATE -> " (update " + number + ")";
			case RESOLUTION -> " resolved";
		};
	}

	private static String describe(Notice notice, int number, List<String> heard, IncidentResponseVariables variables) {
		String what = switch (notice) {
			case INITIAL -> "Initial notice";
			case UPDATE -> "Status update " + number;
			case RESOLUTION -> "Resolution notice";
		};
		String to = heard.isEmpty() ? " reached no audience" : " to " + String.join(", ", heard);
		if (notice != Notice.UPDATE) {
			return what + to;
		}
		List<String> parts = new ArrayList<>();
		addPart(parts, "Conditions", variables.text(CONDITIONS));
		addPart(parts, "Actions", variables.text(ACTIONS));
		addPart(parts, "Needs", variables.text(NEEDS));
		addPart(parts, "Executive summary", variables.text(CURRENT_STATUS));
		addPart(parts, "Customers", variables.text(CUSTOMER_MESSAGE));
		return what + to + (parts.isEmpty() ? "" : " — " + parts.stream().collect(Collectors.joining("; ")));
	}

	private static void addPart(List<String> parts, String label, String value) {
		if (value != null && !value.isBlank()) {
			parts.add(label + ": " + value.strip());
		}
	}

	/** Who speaks for the incident: the communications lead, else the commander. */
	private static String actor(IncidentResponseVariables variables) {
		String lead = variables.text(COMMUNICATIONS_LEAD);
		return lead != null ? lead : variables.text(COMMANDER);
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

	private static String firstOf(String... texts) {
		for (String text : texts) {
			if (text != null && !text.isBlank()) {
				return text;
			}
		}
		return "";
	}
}
