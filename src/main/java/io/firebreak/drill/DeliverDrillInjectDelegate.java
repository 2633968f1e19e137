package io.firebreak.drill;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.firebreak.alert.DrillAlerts;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentLifecycle;
import io.firebreak.incident.TimelineEvent.Kind;

/**
 * The "Deliver drill inject" building block (template {@code io.firebreak.DeliverDrillInject}):
 * at its time, puts the inject on the drill incident's timeline, tells the people working the
 * drill by mail, and fires its alerts into the incident as its monitoring would. An inject due
 * after the incident was resolved is noted as not delivered: there is nobody left to react to it.
 */
@Component
public class DeliverDrillInjectDelegate implements JavaDelegate {

	private final IncidentLifecycle lifecycle;
	private final DrillAlerts alerts;
	private final DrillInjectNotices notices;
	private final DrillRepository drills;

	DeliverDrillInjectDelegate(IncidentLifecycle lifecycle, DrillAlerts alerts, DrillInjectNotices notices,
			DrillRepository drills) {
		this.lifecycle = lifecycle;
		this.alerts = alerts;
		this.notices = notices;
		this.drills = drills;
	}

	@Override
	public void execute(DelegateExecution execution) {
		IncidentKey key = new IncidentKey(execution.getProcessBusinessKey());
		Map<?, ?> inject = (Map<?, ?>) execution.getVariable(DrillVariables.INJECT);
		String at = String.valueOf(inject.get("at"));
		String text = inject.get("text") == null ? null : inject.get("text").toString();
		List<String> injectAlerts = ((List<?>) inject.get("alerts")).stream().map(Object::toString).toList();
		String when = "+" + Duration.parse(at).toMinutes() + " min";
		Incident incident = lifecycle.load(key);
		if (!incident.status().isOpen()) {
			lifecycle.note(key, Kind.DRILL_INJECT, DrillVariables.INJECT_ACTOR, "[DRILL] Inject at %s not delivered: the "
				.formatted(when) + "incident was already " + incident.status().name().toLowerCase() + (text == null ? ""
						: " (" + text + ")"));
			return;
		}
		String firingId = "inject/" + execution.getVariable("loopCounter");
		if (text != null) {
			lifecycle.note(key, Kind.DRILL_INJECT, DrillVariables.INJECT_ACTOR, "[DRILL] Inject at %s: %s"
				.formatted(when, text));
			notices.tell(incident, firingId, when, text, injectAlerts);
			drills.injectDelivered(key.value());
		}
		alerts.fire(key, firingId, injectAlerts);
	}
}
