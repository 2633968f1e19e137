package io.firebreak.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.firebreak.incident.IncidentType;
import io.firebreak.incident.PlanSelection;

class RetentionPolicyTests {

	private final PlanSelection plans = mock(PlanSelection.class);

	private final RetentionPolicy policy = policy(Duration.ofDays(400), Duration.ofDays(2190));

	@Test
	void aSecurityPlanKeepsItsHistoryForTheSecurityMinimumAnyOtherForTheMinimum() {
		assertThat(policy.minimumForPlan("security-incident")).isEqualTo(Duration.ofDays(2190));
		assertThat(policy.minimumForPlan("third-party-degradation")).isEqualTo(Duration.ofDays(400));
		assertThat(policy.minimumFor(IncidentType.SECURITY)).isEqualTo(Duration.ofDays(2190));
		assertThat(policy.minimumFor(IncidentType.OPERATIONAL)).isEqualTo(Duration.ofDays(400));
	}

	@Test
	void aPlanBelowItsMinimumIsAProblemNamingWhatToSet() {
		assertThat(policy.problem("third-party-degradation", "Process 'X' (third-party-degradation)", 400)).isEmpty();
		assertThat(policy.problem("third-party-degradation", "Process 'X' (third-party-degradation)", 399)).hasValue(
				"Process 'X' (third-party-degradation) keeps its history 399 days, less than the 400 days Firebreak keeps "
						+ "incident plans (firebreak.retention.minimum): set 'History cleanup > Time to live' in Modeler's "
						+ "properties panel (camunda:historyTimeToLive) to P400D or more");
		assertThat(policy.problem("security-incident", "Process 'S' (security-incident)", 2189)).get().asString()
			.contains("less than the 2190 days Firebreak keeps security plans", "to P2190D or more");
		assertThat(policy.problem("security-incident", "Process 'S' (security-incident)", 2190)).isEmpty();
	}

	@Test
	void aMinimumInPartsOfDaysOrASecurityMinimumBelowTheMinimumStopsStartUp() {
		assertThatThrownBy(() -> policy(Duration.ofHours(36), Duration.ofDays(2190)))
			.hasMessageContaining("firebreak.retention.minimum must be a positive number of whole days");
		assertThatThrownBy(() -> policy(Duration.ofDays(400), Duration.ofDays(30)))
			.hasMessageContaining("security-minimum (30 days) must be at least firebreak.retention.minimum (400 days)");
	}

	private RetentionPolicy policy(Duration minimum, Duration securityMinimum) {
		when(plans.securityPlans()).thenReturn(Set.of("security-incident"));
		return new RetentionPolicy(minimum, securityMinimum, plans);
	}
}
