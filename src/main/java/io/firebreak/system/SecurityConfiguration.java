package io.firebreak.system;

import java.util.Arrays;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.firebreak.roster.RosterGroup;

/**
 * Four doors, one set of users (Camunda identity, synced from the roster). Camunda's REST API
 * checks HTTP Basic itself; Firebreak's JSON API takes HTTP Basic; Firebreak's pages and
 * Camunda's webapps share one sign-in form.
 * Alert sources come in by a door of their own, ahead of these: {@code io.firebreak.alert.AlertIntakeSecurity}.
 * <p>
 * Auditors only read. On Firebreak's own doors a request that may change something needs a group
 * that may change things ({@link #CHANGERS}), checked here before any controller runs, so an endpoint
 * added later is read-only for auditors without remembering to be. Camunda's doors (/engine-rest,
 * /camunda/api) send queries as POST too, so there Camunda's authorizations keep auditors to reading
 * (io.firebreak.roster.AccessPolicy grants them nothing else).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMINS = "firebreak-admins";

	/**
	 * Who may read the plan catalog: those who write, run, or check plans. Responders too, since
	 * they work the plan's tasks; the layout's Plans link names the same groups.
	 */
	static final String[] PLAN_READERS = { "plan-authors", ADMINS, "incident-commanders", "auditors", "responders" };

	/**
	 * Who may read audit trails, search and export them, and verify the record
	 * (io.firebreak.audit.AuditController): auditors, and the commanders and admins answerable to them.
	 */
	static final String[] AUDIT_READERS = { "auditors", "incident-commanders", ADMINS };

	/**
	 * Who may publish a customer update (io.firebreak.status.CustomerUpdateController): the
	 * communications leads whose job it is, the commanders who lead them, and admins.
	 */
	static final String[] CUSTOMER_UPDATE_PUBLISHERS = { "communications", "incident-commanders", ADMINS };

	/**
	 * Who may send a request that changes something: every roster group but the auditors. A person
	 * who is only an auditor gets 403; an auditor who also holds another role acts in that role, and
	 * the controller checks what the role allows.
	 */
	static final String[] CHANGERS = Arrays.stream(RosterGroup.values())
		.filter(group -> group != RosterGroup.AUDITORS)
		.map(RosterGroup::id)
		.toArray(String[]::new);

	private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/** Any method but the reading ones: a method nobody thought of counts as a change. */
	static final RequestMatcher CHANGES = request -> !READING_METHODS.contains(request.getMethod());

	/**
	 * Who may read the reports (io.firebreak.report.ReportController): the commanders and admins
	 * who run the response, the auditors who check it, the communications leads who report it
	 * upwards, and the plan authors, whose priority table sets the acknowledgement timeouts and
	 * cadences the figures show being met or missed. Not responders: the figures are for those who lead,
	 * review and plan the response, and the page names whose action items are overdue.
	 * The layout's Reports link names the same groups.
	 */
	static final String[] REPORT_READERS = { "incident-commanders", ADMINS, "auditors", "communications",
			"plan-authors" };

	/** Camunda's REST API keeps its own HTTP Basic check (see {@link CamundaAccessConfiguration}). */
	@Bean
	@Order(2)
	SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
		return http
			// Path patterns, not MVC matchers: Camunda's REST API is a servlet of its own.
			.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

	/**
	 * Tasklist, Cockpit and Admin behind Firebreak's sign-in: whoever signed in here is signed
	 * in there ({@link SignedInWebappUser}). Camunda's webapps bring their own CSRF protection
	 * and security headers.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
		return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						request -> true))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.disable())
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
			.authorizeHttpRequests(requests -> requests.requestMatchers("/api/backups/**", "/api/roster/reload")
				.hasAuthority(ADMINS)
				.requestMatchers(HttpMethod.POST, "/api/incidents/*/customer-updates")
				.hasAnyAuthority(CUSTOMER_UPDATE_PUBLISHERS)
				.requestMatchers(CHANGES)
				.hasAnyAuthority(CHANGERS)
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(new JsonAuthenticationEntryPoint()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(new JsonAuthenticationEntryPoint())
				.accessDeniedHandler((request, response, denied) -> {
					response.setStatus(HttpStatus.FORBIDDEN.value());
					response.setContentType("application/json");
					response.getWriter()
						.write("{\"error\":\"forbidden\",\"detail\":\"your roles do not allow this\"}");
				}))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				// signing in and out change only the session: auditors do both
				.requestMatchers("/login", "/logout", "/error", "/css/**", "/actuator/health", "/actuator/health/**")
				.permitAll()
				// the signed link in a page mail is the credential (see io.firebreak.paging.AcknowledgementLinks)
				.requestMatchers("/acknowledge/**")
				.permitAll()
				// A calendar app cannot sign in with a form: the feed checks its signed key, or a
				// session / HTTP Basic, itself (io.firebreak.roster.OnCallCalendarController).
				.requestMatchers("/roster/*.ics")
				.permitAll()
				// the public status page: customers and their widgets and feed readers never sign in
				.requestMatchers(HttpMethod.GET, "/status", "/status.json", "/status/feed")
				.permitAll()
				.requestMatchers("/outbox/**")
				.hasAuthority(ADMINS)
				// after the doors whose credential is not the session (above): a signed link is not an auditor
				.requestMatchers(CHANGES)
				.hasAnyAuthority(CHANGERS)
				.requestMatchers("/plans", "/plans/**")
				.hasAnyAuthority(PLAN_READERS)
				.requestMatchers("/audit", "/audit/**")
				.hasAnyAuthority(AUDIT_READERS)
				.requestMatchers("/reports", "/reports.json", "/reports.csv", "/reports/**")
				.hasAnyAuthority(REPORT_READERS)
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
