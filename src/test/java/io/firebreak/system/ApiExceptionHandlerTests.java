package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ResponseEntity;

class ApiExceptionHandlerTests {

	@Test
	void aLockWaitThatTimedOutAsksTheClientToTryAgainAndSaysNothingChanged() {
		ResponseEntity<ApiError> answer = new ApiExceptionHandler().busy(new QueryTimeoutException(
				"update incident_key_sequence", new SQLException("Timeout trying to lock table \"INCIDENT_KEY_SEQUENCE\"")));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(answer.getBody().error()).isEqualTo("busy");
		assertThat(answer.getBody().detail()).startsWith("nothing was changed");
	}
}
