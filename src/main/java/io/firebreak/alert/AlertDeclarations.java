package io.firebreak.alert;

import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.Urgency;
import io.firebreak.roster.OwnedService;

/**
 * The incident a group's first firing declares. The service gives the impact and the plan, the
 * alert's severity the urgency; the summary says so, because the commander confirms both.
 */
final class AlertDeclarations {

	private AlertDeclarations() {
	}

	static IncidentDeclaration of(AlertDelivery delivery, OwnedService service) {
		Urgency urgency = AlertUrgency.of(delivery.severity());
		String basis = "Pre-assessed from the alert: %s gives urgency %s; impact %s is %s's default for alerts.".formatted(
				delivery.severity() == null ? "no severity" : "severity '" + delivery.severity() + "'",
				urgency.value(), service.defaultImpact(), service.id());
		String summary = Texts.shorten(delivery.summary(), IncidentDeclaration.SUMMARY_MAX - basis.length() - 1);
		return IncidentDeclaration.of(Texts.shorten(delivery.title(), IncidentDeclaration.TITLE_MAX),
				summary + "\n" + basis, service.id(), service.defaultImpact(), urgency.value(), service.incidentType(),
				false);
	}
}
