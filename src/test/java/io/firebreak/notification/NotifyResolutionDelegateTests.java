package io.firebreak.notification;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentLifecycle;

/** The Notify block (template io.firebreak.Notify): audience input, and every target when not multi-instance. */
class NotifyResolutionDelegateTests {

	static final IncidentKey KEY = new IncidentKey("INC-2025-0001");

	final IncidentLifecycle lifecycle = mock(IncidentLifecycle.class);
	final NotificationTargets targets = mock(NotificationTargets.class);
	final NotificationDeliveries deliveries = mock(NotificationDeliveries.class);
	final DelegateExecution execution = mock(DelegateExecution.class);
	final NotifyResolutionDelegate delegate = new NotifyResolutionDelegate(lifecycle, targets, deliveries, "http://x");
	final NotificationRequest email = request("email"), chat = request("slack:incidents");

	NotifyResolutionDelegateTests() {
		Incident incident = mock(Incident.class);
		when(incident.key()).thenReturn(KEY);
		when(incident.headline()).thenReturn("[SEV2] Checkout down");
		when(execution.getVariable("incidentKey")).thenReturn(KEY.value());
		when(lifecycle.load(KEY)).thenReturn(incident);
		when(targets.forAudience("stakeholders", false)).thenReturn(List.of("email", "slack:incidents"));
		when(targets.request(anyString(), eq("email"), anyString(), anyString(), any(), anyString(), anyBoolean(), any()))
			.thenReturn(email);
		when(targets.request(anyString(), eq("slack:incidents"), anyString(), anyString(), any(), anyString(),
				anyBoolean(), any())).thenReturn(chat);
	}

	@Test
	void asOneStepItQueuesEveryTargetOfTheDefaultAudienceUnderTheUsualKeys() throws Exception {
		delegate.execute(execution);
		verify(targets).request(eq("stakeholders"), eq("email"), eq(KEY + "/resolution"), anyString(), any(),
				anyString(), anyBoolean(), any());
		// each is delivered by a job of its own: a failing channel holds neither the others nor the plan
		verify(deliveries).queueEach(List.of(email, chat));
	}

	@Test
	void asAMultiInstanceStepItQueuesItsDeliveryTargetOnly() throws Exception {
		when(execution.getVariable("deliveryTarget")).thenReturn("email");
		delegate.execute(execution);
		verify(deliveries).queueEach(List.of(email));
	}

	@Test
	void anotherAudienceGetsKeysOfItsOwn() throws Exception {
		when(execution.getVariableLocal("audience")).thenReturn("customers");
		when(targets.forAudience("customers", false)).thenReturn(List.of("email"));
		delegate.execute(execution);
		verify(targets).request(eq("customers"), eq("email"), eq(KEY + "/resolution/customers"), anyString(), any(),
				anyString(), anyBoolean(), any());
	}

	static NotificationRequest request(String target) {
		return new NotificationRequest(KEY + "/resolution/" + target, KEY.value(), NotificationKind.RESOLUTION,
				Channel.EMAIL, List.of("someone@firebreak.example"), "s", false, java.util.Map.of());
	}
}
