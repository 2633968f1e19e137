package io.firebreak.incident;

import static io.firebreak.incident.IncidentResponseVariables.*;

import java.time.Instant;
import java.util.Arrays;

import io.firebreak.incident.TimelineEvent.Kind;
import io.firebreak.roster.Roster;

/**
 * The user tasks of the incident-response plan and what completing each one means for the
 * record. Each step validates what the form submitted, because Camunda Forms only check in the
 * browser, and then moves the incident on.
 */
public enum IncidentTask {

	ASSESS("UserTask_AssessIncident", Kind.ASSESSED) {
		@Override
		String apply(Incident incident, IncidentResponseVariables form, String actor, Instant at, Roster roster) {
			Assessment assessment = new Assessment(
					Impact.of(FieldRules.required(IMPACT, form.text(IMPACT), 32)),
					Urgency.of(FieldRules.required(URGENCY, form.text(URGENCY), 32)),
					roster.requireService(SERVICE, FieldRules.required(SERVICE, form.text(SERVICE), 64)),
					FieldRules.optional(CUSTOMER_IMPACT, form.text(CUSTOMER_IMPACT), 4000),
					roster.requirePerson(COMMANDER, FieldRules.required(COMMANDER, form.text(COMMANDER), 64)),
					roster.optionalPerson(COMMUNICATIONS_LEAD,
							FieldRules.optional(COMMUNICATIONS_LEAD, form.text(COMMUNICATIONS_LEAD), 64)),
					roster.optionalPerson(SCRIBE, FieldRules.optional(SCRIBE, form.text(SCRIBE), 64)));
			SeverityOverride.from(form); // rejected here, while the commander can still fix it
			incident.assess(assessment, at);
			return "Assessed: impact %s, urgency %s, service %s; commander %s%s%s".formatted(
					assessment.impact().value(), assessment.urgency().value(), assessment.service(),
					assessment.commander(),
					assessment.communicationsLead() == null ? "" : ", communications lead " + assessment.communicationsLead(),
					assessment.scribe() == null ? "" : ", scribe " + assessment.scribe());
		}
	},
	ACKNOWLEDGE("UserTask_AcknowledgePage", Kind.ACKNOWLEDGED) {
		@Override
		String apply(Incident incident, IncidentResponseVariables form, String actor, Instant at, Roster roster) {
			String note = FieldRules.optional(ACKNOWLEDGEMENT_NOTE, form.text(ACKNOWLEDGEMENT_NOTE), 2000);
			incident.acknowledge(actor, at);
			form.set(RESPONDER, actor);
			return "Page acknowledged by " + actor + (note == null ? "" : ": " + note);
		}
	},
	CONTAIN("UserTask_ContainIncident", Kind.CONTAINED) {
		@Override
		String apply(Incident incident, IncidentResponseVariables form, String actor, Instant at, Roster roster) {
			String actions = FieldRules.required(CONTAINMENT_ACTIONS, form.text(CONTAINMENT_ACTIONS), 4000);
			incident.contain(at);
			return "Contained: " + actions;
		}
	},
	MITIGATE("UserTask_MitigateIncident", Kind.MITIGATED) {
		@Override
		String apply(Incident incident, IncidentResponseVariables form, String actor, Instant at, Roster roster) {
			String actions = FieldRules.required(MITIGATION_ACTIONS, form.text(MITIGATION_ACTIONS), 4000);
			incident.mitigate(at);
			return "Mitigated: " + actions;
		}
	},
	VERIFY_RECOVERY("UserTask_VerifyRecovery", Kind.RECOVERY_CHECKED) {
		@Override
		String apply(Incident incident, IncidentResponseVariables form, String actor, Instant at, Roster roster) {
			String evidence = FieldRules.required(RECOVERY_EVIDENCE, form.text(RECOVERY_EVIDENCE), 4000);
			boolean recovered = form.flag(RECOVERED);
			incident.checkRecovery(recovered);
			return (recovered ? "Recovered: " : "Not recovered, back to containment: ") + evidence;
		}
	},
	RESOLVE("UserTask_ResolveIncident", Kind.RESOLVED) {
		@Override
		String apply(Incident incident, IncidentResponseVariables form, String actor, Instant at, Roster roster) {
			String summary = FieldRules.required(RESOLUTION_SUMMARY, form.text(RESOLUTION_SUMMARY), 4000);
			incident.resolve(at);
			return "Resolved: " + summary;
		}
	},
	REVIEW("UserTask_PostIncidentReview", Kind.REVIEWED) {
		@Override
		String apply(Incident incident, IncidentResponseVariables form, String actor, Instant at, Roster roster) {
			String summary = FieldRules.required(REVIEW_SUMMARY, form.text(REVIEW_SUMMARY), 8000);
			FieldRules.optional(ROOT_CAUSES, form.text(ROOT_CAUSES), 8000);
			FieldRules.optional(LESSONS_LEARNED, form.text(LESSONS_LEARNED), 8000);
			FieldRules.optional(ACTION_ITEMS, form.text(ACTION_ITEMS), 8000);
			if (incident.status() != IncidentStatus.RESOLVED) {
				throw new IllegalIncidentTransition(incident.key(), "reviewed", incident.status());
			}
			return "Post-incident review: " + summary;
		}
	},
	REVIEW_RESOLVED_ALERT("UserTask_ReviewResolvedAlert", Kind.ALERT_REVIEWED) {
		@Override
		String apply(Incident incident, IncidentResponseVariables form, String actor, Instant at, Roster roster) {
			String note = FieldRules.optional(ALERT_REVIEW_NOTE, form.text(ALERT_REVIEW_NOTE), 2000);
			// The source's resolve is a signal, not a decision: the response steps stay the commander's.
			return "Resolved alert reviewed by " + actor + (note == null ? "" : ": " + note);
		}
	};

	private final String taskDefinitionKey;
	private final Kind timelineKind;

	IncidentTask(String taskDefinitionKey, Kind timelineKind) {
		this.taskDefinitionKey = taskDefinitionKey;
		this.timelineKind = timelineKind;
	}

	/** Validates the submitted form, moves the incident on, and says what happened for the timeline. */
	abstract String apply(Incident incident, IncidentResponseVariables form, String actor, Instant at, Roster roster);

	Kind timelineKind() {
		return timelineKind;
	}

	public static IncidentTask byDefinitionKey(String taskDefinitionKey) {
		return Arrays.stream(values())
			.filter(task -> task.taskDefinitionKey.equals(taskDefinitionKey))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The incident-response plan has a user task '"
					+ taskDefinitionKey + "' that Firebreak does not know how to record"));
	}
}
