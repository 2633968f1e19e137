package io.firebreak.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import io.firebreak.incident.Assessment;
import io.firebreak.incident.Impact;
import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentNotFound;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentType;
import io.firebreak.incident.Urgency;
import io.firebreak.roster.Role;

/** The need-to-know rule for security incidents, and how it judges keys and lists. */
class NeedToKnowTests {

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
	static final IncidentKey SECURITY_KEY = IncidentKey.of(2026, 7);
	static final IncidentKey OPERATIONAL_KEY = IncidentKey.of(2026, 8);

	final IncidentRepository incidents = mock(IncidentRepository.class);
	final NeedToKnow needToKnow = new NeedToKnow(incidents);

	@Test
	void anOperationalIncidentIsEveryonesToSeeEvenSignedOut() {
		Incident operational = declare(OPERATIONAL_KEY, null, "ic");

		assertThat(Viewer.of(user("author", "plan-authors")).maySee(operational)).isTrue();
		assertThat(Viewer.NOBODY.maySee(operational)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "security-team", "firebreak-admins", "auditors" })
	void theSecurityTeamAdminsAndAuditorsSeeEverySecurityIncident(String group) {
		Incident security = declare(SECURITY_KEY, "security", "ic");

		assertThat(needToKnow.maySee(security, user("someone", "responders", group))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "incident-commanders", "responders", "communications", "plan-authors" })
	void anyOtherGroupDoesNot(String group) {
		Incident security = declare(SECURITY_KEY, "security", "ic");

		assertThat(needToKnow.maySee(security, user("someone", group))).isFalse();
	}

	@Test
	void declaringASecurityIncidentGivesNoSightOfIt() {
		Incident security = declare(SECURITY_KEY, "security", "oncall");

		assertThat(needToKnow.maySee(security, user("oncall", "responders"))).isFalse();
	}

	@Test
	void everyRoleHolderAndTheResponderWhoAcknowledgedSeeIt() {
		Incident security = declare(SECURITY_KEY, "security", "ic");
		security.assess(new Assessment(Impact.SIGNIFICANT, Urgency.HIGH, "identity", null, "ic", "comms", "oncall2", "admin"), T0);
		security.acknowledge("oncall", T0);

		List<String> holders = Arrays.stream(Role.values()).map(security::holder).filter(h -> h != null).toList();
		assertThat(holders).as("the assessment gave these roles").contains("ic", "comms", "oncall2", "admin");
		for (String holder : holders) {
			assertThat(needToKnow.maySee(security, user(holder, "responders"))).as(holder).isTrue();
		}
		assertThat(needToKnow.maySee(security, user("oncall", "responders"))).as("acknowledged the page").isTrue();
		assertThat(needToKnow.maySee(security, user("author", "plan-authors"))).isFalse();
		assertThat(Viewer.roleHolders(security)).containsExactlyInAnyOrder("ic", "comms", "oncall2", "admin", "oncall");
	}

	@Test
	void nobodySignedInSeesNoSecurityIncident() {
		Incident security = declare(SECURITY_KEY, "security", "ic");

		assertThat(needToKnow.maySee(security, null)).isFalse();
		assertThat(needToKnow.maySee(security, new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))).isFalse();
	}

	@Test
	void aHiddenIncidentIsNotFoundExactlyAsAnUnknownOne() {
		when(incidents.findByKey(SECURITY_KEY.value()))
			.thenReturn(Optional.of(declare(SECURITY_KEY, "security", "ic")));
		when(incidents.findByKey("INC-2026-9999")).thenReturn(Optional.empty());

		assertThatThrownBy(() -> needToKnow.find(SECURITY_KEY.value(), user("ic", "incident-commanders")))
			.isInstanceOf(IncidentNotFound.class)
			.hasMessage("No incident " + SECURITY_KEY);
		assertThatThrownBy(() -> needToKnow.find("INC-2026-9999", user("ic", "incident-commanders")))
			.isInstanceOf(IncidentNotFound.class)
			.hasMessage("No incident INC-2026-9999");
		assertThat(needToKnow.find(SECURITY_KEY.value(), user("sam", "security-team")).key()).isEqualTo(SECURITY_KEY);
		assertThat(needToKnow.hides(SECURITY_KEY.value(), user("ic", "incident-commanders"))).isTrue();
		assertThat(needToKnow.hides("INC-2026-9999", user("ic", "incident-commanders"))).isFalse();
	}

	@Test
	void listsAndRowsKeepOnlyWhatTheViewerMaySee() {
		Incident security = declare(SECURITY_KEY, "security", "ic");
		Incident operational = declare(OPERATIONAL_KEY, null, "ic");
		when(incidents.findOfType(IncidentType.SECURITY)).thenReturn(List.of(security));
		Authentication ic = user("ic", "incident-commanders");

		assertThat(needToKnow.visible(List.of(security, operational), ic)).containsExactly(operational);
		List<String> rows = Arrays.asList(SECURITY_KEY.value(), OPERATIONAL_KEY.value(), null);
		assertThat(needToKnow.only(rows, row -> row, ic)).as("a row about no incident stays")
			.containsExactly(OPERATIONAL_KEY.value(), null);
		assertThat(needToKnow.only(rows, row -> row, user("audrey", "auditors"))).isEqualTo(rows);
		assertThat(needToKnow.clearance(ic).withheld()).containsExactly(SECURITY_KEY.value());
	}

	static Incident declare(IncidentKey key, String type, String declaredBy) {
		return Incident.declare(key, IncidentDeclaration.of("Credential stuffing", null, "identity", "significant",
				"high", type, false), declaredBy, T0, "pi-" + key);
	}

	static Authentication user(String id, String... groups) {
		return UsernamePasswordAuthenticationToken.authenticated(id, null, AuthorityUtils.createAuthorityList(groups));
	}
}
