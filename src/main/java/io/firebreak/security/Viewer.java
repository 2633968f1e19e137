package io.firebreak.security;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentType;
import io.firebreak.roster.Role;
import io.firebreak.roster.RosterGroup;

/**
 * Who looks at an incident: a user id and their Camunda groups (the authorities Firebreak's
 * sign-in grants), or nobody signed in ({@code id} null, no groups).
 */
public record Viewer(String id, Set<String> groups) {

	/**
	 * Those who handle every security incident (the security team), run Firebreak (admins) or
	 * must be able to check any of them (auditors).
	 */
	public static final Set<String> CLEARED_GROUPS = Set.of(RosterGroup.SECURITY_TEAM.id(),
			RosterGroup.FIREBREAK_ADMINS.id(), RosterGroup.AUDITORS.id());

	public static final Viewer NOBODY = new Viewer(null, Set.of());

	public Viewer {
		groups = Set.copyOf(groups);
	}

	public static Viewer of(Authentication signedIn) {
		if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
			return NOBODY;
		}
		return new Viewer(signedIn.getName(), signedIn.getAuthorities().stream()
			.map(GrantedAuthority::getAuthority)
			.filter(Objects::nonNull)
			.collect(Collectors.toUnmodifiableSet()));
	}

	/** Whether a member of {@link #CLEARED_GROUPS}: sees every incident. */
	public boolean cleared() {
		return !Collections.disjoint(groups, CLEARED_GROUPS);
	}

	/**
	 * The rule: an operational incident is everyone's to see; a security incident only the cleared
	 * groups' and its role holders'. Declaring one gives no sight of it: whoever noticed a breach
	 * need not know how it is handled.
	 */
	public boolean maySee(Incident incident) {
		if (incident.type() != IncidentType.SECURITY || cleared()) {
			return true;
		}
		return id != null && roleHolders(incident).contains(id);
	}

	/**
	 * Everyone who holds a role on {@code incident}, and the responder who acknowledged its page:
	 * they work it, so they know of it. Every role counts, whichever roles there are.
	 */
	public static Set<String> roleHolders(Incident incident) {
		Set<String> holders = Arrays.stream(Role.values())
			.map(incident::holder)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(HashSet::new));
		if (incident.acknowledgedBy() != null) {
			holders.add(incident.acknowledgedBy());
		}
		return Set.copyOf(holders);
	}
}
