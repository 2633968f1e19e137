package io.firebreak.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.firebreak.incident.Assessment;
import io.firebreak.incident.Impact;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.Severity;
import io.firebreak.incident.Urgency;

/** A resolved incident and a postmortem ready to publish, to vary in each test. */
final class PostmortemFixtures {

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
	static final IncidentKey KEY = IncidentKey.of(2026, 42);

	private PostmortemFixtures() {
	}

	static Incident resolvedIncident(String title) {
		Incident incident = Incident.declare(KEY,
				IncidentDeclaration.of(title, null, "checkout", "significant", "high", null, false), "ic", T0, "pi-1");
		incident.assess(new Assessment(Impact.SIGNIFICANT, Urgency.HIGH, "checkout", null, "ic", "comms", null, null), T0);
		incident.classify(Severity.SEV2);
		incident.acknowledge("oncall", T0.plusSeconds(60));
		incident.contain(T0.plusSeconds(600));
		incident.mitigate(T0.plusSeconds(1200));
		incident.checkRecovery(true);
		incident.resolve(T0.plusSeconds(5400));
		return incident;
	}

	static PostmortemSections sections() {
		return new PostmortemSections("Checkout failed for 90 minutes.", "90 minutes", "About 4% of buyers",
				"An expired certificate on the payment gateway.", "Certificate expiry at 10:00.",
				"Alert on 5xx rate.", "Renewed the certificate.", "No expiry monitoring.", "Paging was fast.",
				"Nobody owned the certificate.", "It happened on a quiet day.", "Own every certificate.", null);
	}

	static List<ActionItem> items() {
		return ActionItem.fromJson(KEY.value(), """
				[{"title": "Monitor certificate expiry", "type": "prevent", "owner": "oncall",
				  "dueDate": "2026-12-15", "priority": "high"},
				 {"title": "Write the renewal runbook", "type": "process", "owner": "ic",
				  "dueDate": "2026-12-31", "priority": "medium"}]""");
	}

	static Postmortem published(PostmortemSections sections, List<TimelineEntry> timeline) {
		Postmortem postmortem = Postmortem.open(KEY, "ic", T0.plusSeconds(6000));
		postmortem.assemble(timeline);
		postmortem.record(sections);
		postmortem.publish("admin", T0.plusSeconds(86400), items());
		return postmortem;
	}

	static List<TimelineEntry> timeline() {
		return List.of(new TimelineEntry(T0, TimelineEntry.RECORD, "ic", "Declared: Checkout errors"),
				new TimelineEntry(T0.plusSeconds(60), TimelineEntry.TASK, "oncall", "Task Acknowledge completed by oncall"));
	}

	/** Items as stored: with ids and creation times. */
	static List<ActionItem> stored(List<ActionItem> items) {
		return items.stream()
			.map(item -> new ActionItem((long) item.position(), item.incidentKey(), item.position(), item.title(),
					item.type(), item.owner(), item.dueDate(), item.priority(), item.status(), item.outcomeNote(),
					item.closedBy(), item.closedAt(), T0.plusSeconds(86400)))
			.toList();
	}

	static LocalDate date(String value) {
		return LocalDate.parse(value);
	}
}
