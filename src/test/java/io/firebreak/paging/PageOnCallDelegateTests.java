package io.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import io.firebreak.incident.IncidentKey;

/** The Page on-call block's optional inputs (template io.firebreak.PageOnCall), and its defaults. */
class PageOnCallDelegateTests {

	static final IncidentKey KEY = new IncidentKey("INC-2025-0001");

	final Pager pager = mock(Pager.class);
	final DelegateExecution execution = mock(DelegateExecution.class);
	final PageOnCallDelegate delegate = new PageOnCallDelegate(pager);

	PageOnCallDelegateTests() {
		when(execution.getVariable("incidentKey")).thenReturn(KEY.value());
		when(execution.getVariable("ackTimeout")).thenReturn("PT5M");
		when(execution.getProcessInstanceId()).thenReturn("instance-1");
		when(pager.page(any(), any(), any(), anyInt(), any(), any()))
			.thenReturn(new Pager.Page("oncall2", 0, Duration.ofMinutes(5), false));
	}

	@Test
	void withoutInputsPagesThePrimaryOfTheServicesTeamAsAlways() throws Exception {
		delegate.execute(execution);
		verify(pager).page(KEY, "instance-1", null, 0, null, Duration.ofMinutes(5));
		verify(execution).setVariable("pagedResponder", "oncall2");
		verify(execution).setVariable("escalationLevel", 0);
		verify(execution).setVariable("pageAckTimeout", "PT5M");
		verify(execution).setVariable("escalationExhausted", false);
		verify(execution, never()).setVariable(org.mockito.ArgumentMatchers.eq("pagedTeam"), any());
	}

	@Test
	void pagesTheNamedTeamAtTheChosenLevelAndEscalationContinuesThere() throws Exception {
		when(execution.getVariableLocal("pageTeam")).thenReturn("security");
		when(execution.getVariableLocal("pageLevel")).thenReturn("1");
		when(pager.page(any(), any(), any(), anyInt(), any(), any()))
			.thenReturn(new Pager.Page("admin", 1, Duration.ofMinutes(15), true));
		delegate.execute(execution);
		verify(pager).page(KEY, "instance-1", "security", 1, null, Duration.ofMinutes(5));
		verify(execution).setVariable("escalationLevel", 1);
		verify(execution).setVariable("pageAckTimeout", "PT15M");
		verify(execution).setVariable("escalationExhausted", true);
		verify(execution).setVariable("pagedTeam", "security");
	}

	@Test
	void emptyInputsMeanTheDefaults() throws Exception {
		when(execution.getVariableLocal("pageTeam")).thenReturn("");
		when(execution.getVariableLocal("pageLevel")).thenReturn(" ");
		delegate.execute(execution);
		verify(pager).page(KEY, "instance-1", null, 0, null, Duration.ofMinutes(5));
	}

	@Test
	void aTimeoutThatIsNoDurationSaysWhatToFix() {
		when(execution.getVariable("ackTimeout")).thenReturn("five minutes");
		assertThatThrownBy(() -> delegate.execute(execution)).hasMessageContaining("ackTimeout must be an ISO-8601 duration")
			.hasMessageContaining("'five minutes'");
	}

	@Test
	void aLevelThatIsNoLevelSaysWhatToFix() {
		when(execution.getVariableLocal("pageLevel")).thenReturn("secondary");
		assertThatThrownBy(() -> delegate.execute(execution)).hasMessageContaining("pageLevel must be a step")
			.hasMessageContaining("'secondary'");
		verify(pager, never()).page(any(), any(), isNull(), anyInt(), any(), any());
	}
}
