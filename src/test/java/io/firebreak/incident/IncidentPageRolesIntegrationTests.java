package io.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The incident page names the role holders, and offers command to the pool and hand-over to the commander. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class IncidentPageRolesIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	IncidentRepository records;

	@Test
	void thePageShowsTheRoleHoldersAndLetsThePoolTakeCommand() throws Exception {
		IncidentsOverHttp incidents = new IncidentsOverHttp(new io.firebreak.system.HttpClient(rest), tasks, management,
				records);
		String key = incidents.declareAndAssess("significant", "high");
		HttpClient ingrid = signedIn("ic");
		assertThat(page(ingrid, "/incidents/" + key).body())
			.contains("Ingrid Commander (ic)", "Cora Comms (comms)", "Olivia Secondary (oncall2)", "Hand over to",
					"<option value=\"admin\">Ada Admin (admin)</option>")
			.doesNotContain("Take over as commander");
		HttpClient omar = signedIn("oncall");
		String omarsPage = page(omar, "/incidents/" + key).body();
		assertThat(omarsPage).contains("Ingrid Commander (ic)").doesNotContain("Take over as commander", "Hand over to");

		submit(omar, omarsPage, key, "role=commander&person=oncall");
		assertThat(page(omar, "/incidents/" + key).body()).contains("oncall may not hand over command of " + key);
		HttpClient ada = signedIn("admin");
		String adasPage = page(ada, "/incidents/" + key).body();
		assertThat(adasPage).contains("Take over as commander");
		HttpResponse<String> takenOver = submit(ada, adasPage, key, "role=commander&person=admin");

		assertThat(takenOver.statusCode()).isEqualTo(302);
		assertThat(takenOver.headers().firstValue("Location").orElseThrow()).endsWith("/incidents/" + key);
		assertThat(page(ada, "/incidents/" + key).body()).contains("Ada Admin is now incident commander.",
				"Ada Admin (admin)");
		assertThat(incidents.incident(key).path("commander").asText()).isEqualTo("admin");
	}

	private HttpClient signedIn(String user) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String form = "username=" + user + "&password=" + user + "&_csrf=" + csrf(page(browser, "/login").body());
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as("%s signs in", user).isEqualTo(302);
		return browser;
	}

	/** Posts a role form as the page's forms do, with the page's CSRF token. */
	private HttpResponse<String> submit(HttpClient browser, String page, String key, String form) throws Exception {
		return browser.send(HttpRequest.newBuilder(url("/incidents/" + key + "/roles"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + csrf(page))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> page(HttpClient browser, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("the page carries a CSRF token").isTrue();
		return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
	}

	private URI url(String path) {
		return URI.create(rest.getRootUri() + path);
	}
}
