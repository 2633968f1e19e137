package io.firebreak.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Three doors. Camunda's webapps and REST API keep their own authentication (the REST API with
 * HTTP Basic against Camunda identity). Firebreak's JSON API takes HTTP Basic; its pages a login
 * form. Both check the same Camunda users, so one roster and one password serve everywhere.
 * Alert sources come in by a door of their own, ahead of these: {@code io.firebreak.alert.AlertIntakeSecurity}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMINS = "firebreak-admins";

	@Bean
	@Order(1)
	SecurityFilterChain camunda(HttpSecurity http) throws Exception {
		return http
			// Path patterns, not MVC matchers: Camunda's REST API and webapps are servlets of their own.
			.securityMatchers(matchers -> matchers.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
					PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(new JsonAuthenticationEntryPoint()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(new JsonAuthenticationEntryPoint()))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/error", "/css/**", "/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/outbox/**")
				.hasAuthority(ADMINS)
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").permitAll())
			.httpBasic(Customizer.withDefaults())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
					new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					request -> request.getRequestURI().startsWith("/actuator")))
			.build();
	}
}
