package io.firebreak.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.firebreak.incident.Severity;

/** The status page's severity mapping, and the Statuspage words each state is written with. */
class ServiceStateTests {

	@ParameterizedTest
	@CsvSource({ "SEV1, MAJOR_OUTAGE", "SEV2, PARTIAL_OUTAGE", "SEV3, DEGRADED_PERFORMANCE",
			"SEV4, DEGRADED_PERFORMANCE" })
	void anOpenIncidentPutsItsServiceInTheStateOfItsSeverity(Severity severity, ServiceState expected) {
		assertThat(ServiceState.causedBy(severity)).isEqualTo(expected);
	}

	@Test
	void anIncidentNobodyHasJudgedYetDegradesItsService() {
		assertThat(ServiceState.causedBy(null)).isEqualTo(ServiceState.DEGRADED_PERFORMANCE);
	}

	@Test
	void theWorstStateWinsAndNoneIsOperational() {
		assertThat(ServiceState.worstOf(Stream.of(ServiceState.DEGRADED_PERFORMANCE, ServiceState.MAJOR_OUTAGE,
				ServiceState.PARTIAL_OUTAGE))).isEqualTo(ServiceState.MAJOR_OUTAGE);
		assertThat(ServiceState.worstOf(Stream.of(ServiceState.DEGRADED_PERFORMANCE, ServiceState.PARTIAL_OUTAGE)))
			.isEqualTo(ServiceState.PARTIAL_OUTAGE);
		assertThat(ServiceState.worstOf(Stream.empty())).isEqualTo(ServiceState.OPERATIONAL);
	}

	@ParameterizedTest
	@CsvSource({ "OPERATIONAL, operational, none, All Systems Operational",
			"DEGRADED_PERFORMANCE, degraded_performance, minor, Minor Service Outage",
			"PARTIAL_OUTAGE, partial_outage, major, Partial System Outage",
			"MAJOR_OUTAGE, major_outage, critical, Major Service Outage" })
	void eachStateIsWrittenInStatuspagesWords(ServiceState state, String component, String indicator,
			String description) {
		assertThat(state.statuspageValue()).isEqualTo(component);
		assertThat(state.indicator()).isEqualTo(indicator);
		assertThat(state.pageDescription()).isEqualTo(description);
	}
}
