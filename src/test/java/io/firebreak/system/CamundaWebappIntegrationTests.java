package io.firebreak.system;

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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentDeclarations;

/** A person in a browser: one sign-in for Firebreak and Tasklist, and Tasklist's form errors readable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class CamundaWebappIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IncidentDeclarations declarations;

	final ObjectMapper json = new ObjectMapper();

	@Test
	void tasklistSendsStrangersToFirebreaksSignInAndTakesWhoeverSignedInThere() throws Exception {
		HttpClient browser = browser();
		assertThat(get(browser, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
		assertThat(get(browser, "/camunda/app/tasklist/default/").headers().firstValue("Location")).hasValue(url("/login"));

		signIn(browser, "oncall");

		assertThat(get(browser, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		JsonNode webappUser = json.readTree(get(browser, "/camunda/api/admin/auth/user/default").body());
		assertThat(webappUser.path("userId").asText()).isEqualTo("oncall");
		assertThat(get(browser, "/").statusCode()).as("still signed in to Firebreak").isEqualTo(200);
	}

	@Test
	void aFormTasklistSubmitsWithAnInvalidValueIsRejectedWithAShortReason() throws Exception {
		String key = declarations.declare(IncidentDeclaration.of("Checkout errors", null, "checkout", "significant",
				"high", null, false)).value();
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		signIn(browser, "ic");
		get(browser, "/camunda/app/tasklist/default/");
		HttpResponse<String> tasks = get(browser, "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + key
				+ "&taskDefinitionKey=UserTask_AssessIncident");
		assertThat(json.readTree(tasks.body())).as(tasks.body()).hasSize(1);
		String taskId = json.readTree(tasks.body()).get(0).path("id").asText();
		// Camunda's own CSRF protection: the token it handed out as a cookie goes back as a header
		String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
			.findFirst().orElseThrow().getValue();

		HttpResponse<String> rejected = browser.send(HttpRequest.newBuilder(URI.create(url(
				"/camunda/api/engine/engine/default/task/" + taskId + "/submit-form")))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"variables": {"impact": {"value": "significant"}, "urgency": {"value": "high"},
					  "service": {"value": "checkout"}, "commander": {"value": "nobody"}}}"""))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(json.readTree(rejected.body()).path("message").asText())
			.isEqualTo("Incident commander must name a person of the roster; 'nobody' is not one");
	}

	private HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	private void signIn(HttpClient browser, String user) throws Exception {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(browser, "/login").body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + user + "&password=" + user + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location")).hasValue(url("/"));
	}

	private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html,application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
