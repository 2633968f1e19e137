package io.firebreak.security;

import static io.firebreak.security.BreachObligation.hoursAndMinutes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.notification.Channel;
import io.firebreak.notification.NotificationDeliveries;
import io.firebreak.notification.NotificationKind;
import io.firebreak.notification.NotificationRequest;
import io.firebreak.roster.Person;
import io.firebreak.roster.Roster;
import io.firebreak.roster.RosterGroup;
import io.firebreak.system.InvalidInput;

/**
 * A breach's regulatory clock. The plan's decision (processes/breach-notification.dmn) says which
 * notifications the exposure obliges and by when after awareness; this keeps each as an
 * obligation, gives the plan its deadlines for timers, reminds the commander and the privacy lead,
 * and records the evidence each was met. The bean's methods are what plans call in expressions:
 * {@code ${breachNotifications.open(incidentKey)}}, {@code ${breachNotifications.remindAt(incidentKey,
 * breachObligation, 'PT48H')}}.
 */
@Service
public class BreachNotifications {

	static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);
	private static final Set<String> JURISDICTIONS = Set.of("eu", "uk", "us");

	/** The evidence a notification was made, as the notification task submitted it. */
	public record Evidence(String sentTo, Instant sentAt, String reference, String whatWasSent, String lateReason) {
	}

	private final BreachRepository breaches;
	private final IncidentLifecycle lifecycle;
	private final DecisionService decisions;
	private final NotificationDeliveries deliveries;
	private final Roster roster;
	private final Clock clock;
	private final String baseUrl;
	private final ManagementService management;
	private final RuntimeService runtime;
	private final CommandExecutor commands;

	BreachNotifications(BreachRepository breaches, IncidentLifecycle lifecycle, ProcessEngine engine,
			NotificationDeliveries deliveries, Roster roster, Clock clock, @Value("${firebreak.base-url}") String baseUrl) {
		this.breaches = breaches;
		this.lifecycle = lifecycle;
		this.decisions = engine.getDecisionService();
		this.management = engine.getManagementService();
		this.runtime = engine.getRuntimeService();
		this.commands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
		this.deliveries = deliveries;
		this.roster = roster;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/**
	 * Records the exposure and the notifications {@code decision} says it obliges, each due its
	 * deadline after {@code awareAt} (the declaration when not given), and puts both on the timeline.
	 */
	public List<BreachObligation> decide(IncidentKey key, Exposure exposure, String decision, String assessedBy) {
		Incident incident = lifecycle.load(key);
		Instant now = clock.instant();
		Instant awareAt = exposure.awareAt() != null ? exposure.awareAt() : incident.declaredAt();
		if (awareAt.isAfter(now)) {
			throw new InvalidInput(SecurityIncidentVariables.BREACH_AWARE_AT,
					"The moment of awareness cannot be in the future (was " + UTC.format(awareAt) + ")");
		}
		BreachAssessment assessment = new BreachAssessment(key.value(), awareAt, exposure.personalDataExposed(),
				exposure.recordsExposed(), exposure.jurisdictions(), exposure.highRiskToPeople(), assessedBy, now);
		breaches.save(assessment);
		Map<String, Object> inputs = new HashMap<>();
		inputs.put(SecurityIncidentVariables.PERSONAL_DATA_EXPOSED, exposure.personalDataExposed());
		inputs.put(SecurityIncidentVariables.RECORDS_EXPOSED, exposure.recordsExposed());
		inputs.put(SecurityIncidentVariables.JURISDICTIONS, exposure.jurisdictions());
		inputs.put(SecurityIncidentVariables.HIGH_RISK_TO_PEOPLE, exposure.highRiskToPeople());
		DmnDecisionResult rows = decisions.evaluateDecisionByKey(decision).variables(inputs).evaluate();
		for (Map<String, Object> row : rows.getResultList()) {
			String obligation = text(row, "obligation", decision);
			Duration after = duration(text(row, "deadline", decision), decision);
			breaches.addIfAbsent(new BreachObligation(key.value(), obligation, text(row, "recipient", decision),
					text(row, "basis", decision), awareAt.plus(after), now, null, null, null, null, null, null, null,
					null));
		}
		List<BreachObligation> obligations = breaches.obligations(key.value());
		lifecycle.note(key, Kind.BREACH_ASSESSED, assessedBy, "Data exposure assessed: %s. Aware since %s. %s".formatted(
				assessment.describe(), UTC.format(awareAt), obligations.isEmpty() ? "No notification is obliged."
						: "Notifications due: " + obligations.stream()
							.map(o -> "%s by %s (%s)".formatted(o.recipient(), UTC.format(o.deadlineAt()), o.basis()))
							.collect(Collectors.joining("; "))));
		return obligations;
	}

	/** The obligations not met yet, by id: what a plan's notification tasks run over. */
	public List<String> open(String incidentKey) {
		return breaches.obligations(incidentKey).stream().filter(o -> !o.met()).map(BreachObligation::obligation)
			.toList();
	}

	public Date deadline(String incidentKey, String obligation) {
		return Date.from(require(incidentKey, obligation).deadlineAt());
	}

	/** When to remind: {@code before} (an ISO duration such as PT48H) ahead of the deadline. */
	public Date remindAt(String incidentKey, String obligation, String before) {
		return Date.from(require(incidentKey, obligation).deadlineAt().minus(duration(before, "the reminder")));
	}

	public String recipient(String incidentKey, String obligation) {
		return require(incidentKey, obligation).recipient();
	}

	public String basis(String incidentKey, String obligation) {
		return require(incidentKey, obligation).basis();
	}

	public String deadlineText(String incidentKey, String obligation) {
		return UTC.format(require(incidentKey, obligation).deadlineAt());
	}

	/**
	 * Tells the commander and the privacy lead (the security team when neither is named) how long
	 * is left, or that the deadline passed, unless the notification was made meanwhile. Reminders
	 * whose times had all passed when the clock started (awareness long before the assessment) come
	 * at once; only the first of them is sent.
	 */
	public void remind(String incidentKey, String obligationId) {
		BreachObligation obligation = require(incidentKey, obligationId);
		Instant now = clock.instant();
		if (obligation.met()) {
			return;
		}
		boolean missed = !now.isBefore(obligation.deadlineAt());
		if (!missed && obligation.lastRemindedAt() != null
				&& obligation.lastRemindedAt().isAfter(now.minus(Duration.ofMinutes(30)))) {
			return;
		}
		IncidentKey key = new IncidentKey(incidentKey);
		Incident incident = lifecycle.load(key);
		String when = missed
				? "DEADLINE PASSED %s ago (%s): %s not notified yet".formatted(hoursAndMinutes(obligation.margin(now)),
						UTC.format(obligation.deadlineAt()), obligation.recipient())
				: "Notify %s within %s (by %s)".formatted(obligation.recipient(), hoursAndMinutes(obligation.margin(now)),
						UTC.format(obligation.deadlineAt()));
		List<String> recipients = reminded(incident);
		lifecycle.note(key, Kind.BREACH_DEADLINE, null, when + " – " + obligation.basis() + (recipients.isEmpty() ? ""
				: "; reminded " + String.join(", ", recipients)));
		breaches.reminded(incidentKey, obligationId, now);
		List<String> mail = recipients.stream().flatMap(id -> roster.person(id).stream()).map(Person::email).toList();
		if (!mail.isEmpty()) {
			deliveries.queueEach(List.of(new NotificationRequest(
					incidentKey + "/breach/" + obligationId + "/" + (missed ? "missed" : now.getEpochSecond() / 60),
					incidentKey, NotificationKind.BREACH_DEADLINE, Channel.EMAIL, mail, incident.headline() + " " + when,
					incident.drill(), Map.of("incident", incident, "obligation", obligation, "when", when, "missed", missed,
							"baseUrl", baseUrl))));
		}
	}

	private List<String> reminded(Incident incident) {
		Set<String> people = new LinkedHashSet<>();
		Stream.of(incident.commander(), incident.privacyLead()).filter(id -> id != null).forEach(people::add);
		if (people.isEmpty()) {
			roster.membersOf(RosterGroup.SECURITY_TEAM).forEach(person -> people.add(person.id()));
		}
		return new ArrayList<>(people);
	}

	/**
	 * Records that the notification was made. Refused without its evidence (who it went to, when,
	 * the reference, what was said), when sent before awareness or in the future, and when late
	 * without the reason.
	 */
	public BreachObligation recordSent(String incidentKey, String obligationId, Evidence evidence, String actor) {
		BreachObligation obligation = require(incidentKey, obligationId);
		Instant now = clock.instant();
		String sentTo = required(SecurityIncidentVariables.NOTIFICATION_SENT_TO, evidence.sentTo(), 300,
				"who the notification went to");
		String reference = required(SecurityIncidentVariables.NOTIFICATION_REFERENCE, evidence.reference(), 300,
				"the reference the recipient gave, or the message id");
		String content = required(SecurityIncidentVariables.NOTIFICATION_CONTENT, evidence.whatWasSent(), 4000,
				"what was sent");
		Instant sentAt = evidence.sentAt();
		if (sentAt == null) {
			throw new InvalidInput(SecurityIncidentVariables.NOTIFICATION_SENT_AT, "When it was sent is required");
		}
		if (sentAt.isAfter(now.plus(Duration.ofMinutes(1)))) {
			throw new InvalidInput(SecurityIncidentVariables.NOTIFICATION_SENT_AT,
					"When it was sent cannot be in the future (was " + UTC.format(sentAt) + ")");
		}
		Instant awareAt = breaches.assessment(incidentKey).map(BreachAssessment::awareAt).orElse(obligation.decidedAt());
		if (sentAt.isBefore(awareAt.minus(Duration.ofMinutes(1)))) {
			throw new InvalidInput(SecurityIncidentVariables.NOTIFICATION_SENT_AT, "When it was sent (%s) is before we became aware of the breach (%s)"
				.formatted(UTC.format(sentAt), UTC.format(awareAt)));
		}
		String lateReason = evidence.lateReason() == null || evidence.lateReason().isBlank() ? null
				: evidence.lateReason().strip();
		if (sentAt.isAfter(obligation.deadlineAt()) && lateReason == null) {
			throw new InvalidInput(SecurityIncidentVariables.NOTIFICATION_LATE_REASON,
					"Sent %s after the deadline (%s, %s): say why it is late".formatted(
							hoursAndMinutes(Duration.between(obligation.deadlineAt(), sentAt)),
							UTC.format(obligation.deadlineAt()), obligation.basis()));
		}
		if (lateReason != null && lateReason.length() > 2000) {
			throw new InvalidInput(SecurityIncidentVariables.NOTIFICATION_LATE_REASON, "The reason it is late is too long (at most 2000 characters)");
		}
		BreachObligation met = new BreachObligation(incidentKey, obligationId, obligation.recipient(), obligation.basis(),
				obligation.deadlineAt(), obligation.decidedAt(), sentAt, sentTo, reference, content,
				sentAt.isAfter(obligation.deadlineAt()) ? lateReason : null, actor, now, obligation.lastRemindedAt());
		breaches.recordSent(met);
		lifecycle.note(new IncidentKey(incidentKey), Kind.BREACH_NOTIFIED, actor,
				"Notified %s: sent to %s at %s, reference %s; %s".formatted(obligation.recipient(), sentTo,
						UTC.format(sentAt), reference,
						met.late() ? "LATE by %s (deadline %s): %s".formatted(hoursAndMinutes(met.margin(now)),
								UTC.format(obligation.deadlineAt()), met.lateReason())
								: "in time, %s before the deadline (%s)".formatted(hoursAndMinutes(met.margin(now)),
										UTC.format(obligation.deadlineAt()))));
		return met;
	}

	/**
	 * The clock as the incident page shows it, with the reminders the plan's timers will still send;
	 * empty for an incident whose exposure was not assessed.
	 */
	public Optional<BreachClock> clock(Incident incident) {
		String key = incident.key().value();
		return breaches.assessment(key).map(assessment -> new BreachClock(assessment, breaches.obligations(key),
				scheduledReminders(incident), clock.instant()));
	}

	// whoever may read the incident may read when its reminders come, whatever Camunda grants them
	private List<BreachClock.Reminder> scheduledReminders(Incident incident) {
		if (incident.processInstanceId() == null) {
			return List.of();
		}
		return commands.execute(context -> context.runWithoutAuthorization(() -> {
			List<BreachClock.Reminder> reminders = new ArrayList<>();
			for (Job timer : management.createJobQuery().processInstanceId(incident.processInstanceId()).timers()
				.orderByJobDuedate().asc().list()) {
				Object obligation = runtime.getVariable(timer.getExecutionId(), SecurityIncidentVariables.BREACH_OBLIGATION);
				if (obligation != null && timer.getDuedate() != null) {
					reminders.add(new BreachClock.Reminder(obligation.toString(), timer.getDuedate().toInstant()));
				}
			}
			return reminders;
		}));
	}

	private BreachObligation require(String incidentKey, String obligation) {
		return breaches.obligation(incidentKey, obligation).orElseThrow(() -> new IllegalStateException(
				"Incident " + incidentKey + " has no notification obligation '" + obligation + "'"));
	}

	/** The exposure as assessed; jurisdictions are those the decision knows. */
	public record Exposure(boolean personalDataExposed, long recordsExposed, List<String> jurisdictions,
			boolean highRiskToPeople, Instant awareAt) {

		public Exposure {
			if (recordsExposed < 0) {
				throw new InvalidInput(SecurityIncidentVariables.RECORDS_EXPOSED, "Records exposed cannot be negative");
			}
			List<String> unknown = jurisdictions.stream().filter(j -> !JURISDICTIONS.contains(j)).toList();
			if (!unknown.isEmpty()) {
				throw new InvalidInput(SecurityIncidentVariables.JURISDICTIONS,
						"Jurisdictions must be among eu, uk, us (was " + unknown + ")");
			}
			jurisdictions = List.copyOf(jurisdictions);
		}
	}

	private static String required(String field, String value, int max, String what) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, "The evidence is incomplete: " + what + " is required");
		}
		if (value.strip().length() > max) {
			throw new InvalidInput(field, what + " is too long (at most " + max + " characters)");
		}
		return value.strip();
	}

	private static String text(Map<String, Object> row, String output, String decision) {
		Object value = row.get(output);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalStateException("Decision " + decision + " gave a row without '" + output + "': " + row);
		}
		return value.toString();
	}

	private static Duration duration(String iso, String where) {
		try {
			return Duration.parse(iso);
		}
		catch (DateTimeParseException notADuration) {
			throw new IllegalStateException(where + ": '" + iso + "' is not an ISO-8601 duration such as PT72H or P3D");
		}
	}
}
