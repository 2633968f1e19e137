package io.firebreak.notification;

import static io.firebreak.incident.IncidentResponseVariables.*;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentResponseVariables;
import io.firebreak.roster.OwnedService;
import io.firebreak.roster.Roster;

/**
 * What each audience's part of a notice says: the template kind, the subject and the model, from
 * the incident and the status update form's variables. Customers get what a person wrote for them
 * and the service's name, never internal text.
 */
@Component
class NoticeParts {

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

	/** One audience's part of a notice, ready to be sent to each of its targets. */
	record Part(NotificationKind kind, String subject, Map<String, Object> model) {

		/** For the customer part: investigating, identified, monitoring or resolved. */
		String customerStatus() {
			return (String) model.get("status");
		}

		String customerMessage() {
			return (String) model.get("message");
		}
	}

	static final List<String> CUSTOMER_STATUSES = List.of("investigating", "identified", "monitoring", "resolved");

	private final Roster roster;
	private final String baseUrl;

	NoticeParts(Roster roster, @Value("${firebreak.base-url}") String baseUrl) {
		this.roster = roster;
		this.baseUrl = baseUrl;
	}

	/** The part of notice {@code number} for an audience receiving {@code part}; empty when there is nothing to send it. */
	Optional<Part> of(Notice notice, int number, Audience.Part part, Incident incident,
			IncidentResponseVariables variables) {
		return Optional.ofNullable(model(notice, part, incident, variables)).map(model -> new Part(kind(notice, part),
				part == Audience.Part.CUSTOMER ? serviceName(incident) + ": " + model.get("statusLabel")
						: incident.headline() + subjectSuffix(notice, number),
				model));
	}

	private static NotificationKind kind(Notice notice, Audience.Part part) {
		return switch (part) {
			case CUSTOMER -> NotificationKind.CUSTOMER_UPDATE;
			case EXECUTIVE -> notice == Notice.RESOLUTION ? NotificationKind.RESOLUTION : NotificationKind.EXECUTIVE_SUMMARY;
			case TACTICAL -> notice == Notice.RESOLUTION ? NotificationKind.RESOLUTION : NotificationKind.STATUS_UPDATE;
			case FINDINGS -> throw new IllegalArgumentException("an audience of findings gets no incident notice");
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

	private static Optional<String> nextUpdate(IncidentResponseVariables variables) {
		String cadence = variables.text(UPDATE_CADENCE);
		try {
			return cadence == null ? Optional.empty()
					: Optional.of("in " + Duration.parse(cadence).toMinutes() + " minutes");
		}
		catch (DateTimeParseException notADuration) {
			return Optional.empty();
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

	/** The notice as the timeline tells it: who heard, and for an update what it said. */
	static String describe(Notice notice, int number, List<String> heard, IncidentResponseVariables variables) {
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
