package io.firebreak.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The integration key as Alertmanager's http_config sends it: a bearer token, or Basic auth's password. */
class AlertmanagerAuthorizationTests {

	@Test
	void takesTheKeyFromABearerTokenOrABasicPassword() {
		assertThat(AlertmanagerController.integrationKey("Bearer firebreak-demo-key")).isEqualTo("firebreak-demo-key");
		assertThat(AlertmanagerController.integrationKey("bearer   firebreak-demo-key ")).isEqualTo("firebreak-demo-key");
		assertThat(AlertmanagerController.integrationKey("Basic " + basic("am:firebreak-demo-key")))
			.isEqualTo("firebreak-demo-key");
		assertThat(AlertmanagerController.integrationKey("Basic " + basic(":key:with:colons"))).isEqualTo("key:with:colons");
	}

	@Test
	void findsNoKeyInAnythingElse() {
		assertThat(AlertmanagerController.integrationKey(null)).isNull();
		assertThat(AlertmanagerController.integrationKey("Bearer")).isNull();
		assertThat(AlertmanagerController.integrationKey("Bearer   ")).isNull();
		assertThat(AlertmanagerController.integrationKey("Token firebreak-demo-key")).isNull();
		assertThat(AlertmanagerController.integrationKey("Basic !!not-base64!!")).isNull();
		assertThat(AlertmanagerController.integrationKey("Basic " + basic("no-password:"))).isNull();
		assertThat(AlertmanagerController.integrationKey("Basic " + basic("no-colon"))).isNull();
	}

	private static String basic(String userAndPassword) {
		return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
	}
}
