package io.firebreak.alert;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * A door of its own for alert sources, ahead of the /api/** chain: they have no Firebreak user,
 * only a service's integration key, which the intake itself checks. No user is ever signed in on
 * this chain, so the engine runs alert declarations without authorization checks.
 */
@Configuration(proxyBeanMethods = false)
class AlertIntakeSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain alertIntakeChain(HttpSecurity http) throws Exception {
		return http
			.securityMatchers(matchers -> matchers.requestMatchers(
					PathPatternRequestMatcher.withDefaults().matcher("/api/alerts/**"),
					PathPatternRequestMatcher.withDefaults().matcher("/v2/enqueue")))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}
}
