package io.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

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
		when(pager.page(any(), any(), anyInt(), any())).thenReturn("oncall2");
	}

	@Test
	void withoutInputsPagesThePrimaryOfTheServicesTeamAsAlways() throws Exception {
		delegate.execute(execution);
		verify(pager).page(KEY, null, 0, null);
		verify(execution).setVariable("pagedResponder", "oncall2");
		verify(execution).setVariable("escalationLevel", 0);
		verify(execution, never()).setVariable(org.mockito.ArgumentMatchers.eq("pagedTeam"), any());
	}

	@Test
	void pagesTheNamedTeamAtTheChosenLevelAndEscalationContinuesThere() throws Exception {
		when(execution.getVariableLocal("pageTeam")).thenReturn("security");
		when(execution.getVariableLocal("pageLevel")).thenReturn("1");
		delegate.execute(execution);
		verify(pager).page(KEY, "security", 1, null);
		verify(execution).setVariable("escalationLevel", 1);
		verify(execution).setVariable("pagedTeam", "security");
	}

	@Test
	void emptyInputsMeanTheDefaults() throws Exception {
		when(execution.getVariableLocal("pageTeam")).thenReturn("");
		when(execution.getVariableLocal("pageLevel")).thenReturn(" ");
		delegate.execute(execution);
		verify(pager).page(KEY, null, 0, null);
	}

	@Test
	void aLevelThatIsNoLevelSaysWhatToFix() {
		when(execution.getVariableLocal("pageLevel")).thenReturn("secondary");
		assertThatThrownBy(() -> delegate.execute(execution)).hasMessageContaining("pageLevel must be a level")
			.hasMessageContaining("'secondary'");
		verify(pager, never()).page(any(), isNull(), anyInt(), any());
	}
}
