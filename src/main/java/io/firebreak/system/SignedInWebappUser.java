package io.firebreak.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One sign-in for Firebreak and Camunda's webapps: Tasklist and Cockpit take the person who
 * signed in to Firebreak. Camunda instantiates this by class name from
 * {@code ContainerBasedAuthenticationFilter}, hence public and stateless.
 */
public class SignedInWebappUser implements AuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
			return AuthenticationResult.unsuccessful();
		}
		return AuthenticationResult.successful(signedIn.getName());
	}

	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		// Spring Security already sent the person to Firebreak's sign-in page
	}
}
