package io.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.firebreak.incident.IncidentDeclarations;
import io.firebreak.incident.IncidentResponseDriver;
import io.firebreak.roster.Roster;

/** The resolution notice posted to Slack/Mattermost and Teams webhooks on a local HTTP server. */
@SpringBootTest(properties = "firebreak.audiences.location=classpath:config/chat-audiences.yaml")
@ActiveProfiles({ "demo", "test" })
class ChatWebhookIntegrationTests {

	static HttpServer server;
	static final Map<String, List<String>> received = new ConcurrentHashMap<>();

	@BeforeAll
	static void startWebhooks() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 39417), 0);
		for (String path : List.of("/slack", "/teams", "/gone")) {
			server.createContext(path, exchange -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(body);
				int status = path.equals("/gone") ? 404 : 200;
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
		}
		server.start();
	}

	@AfterAll
	static void stopWebhooks() {
		server.stop(0);
	}

	@Autowired
	ProcessEngine engine;

	@Autowired
	IncidentDeclarations declarations;

	@Autowired
	Roster roster;

	@Autowired
	NotificationRepository notifications;

	final ObjectMapper json = new ObjectMapper();

	IncidentResponseDriver driver;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new IncidentResponseDriver(engine, declarations, roster);
		received.clear();
	}

	@Test
	void eachChatIsItsOwnDeliveryAndABrokenWebhookFailsAtOnceWithoutHoldingUpTheOthersOrThePlan() throws Exception {
		ProcessInstance instance = resolved("Checkout <b>errors</b> & timeouts");
		String key = instance.getBusinessKey();
		driver.runJob(instance, "ServiceTask_NotifyResolution");
		assertThat(instance).as("the notice is queued: the plan goes on to the postmortem, whatever the deliveries do")
			.isWaitingAt("CallActivity_Postmortem");
		List<Job> sends = deliveryJobs(key);
		assertThat(sends).as("mail, slack, teams, broken: one delivery each").hasSize(4);

		for (Job send : sends) {
			try {
				engine.getManagementService().executeJob(send.getId());
			}
			catch (RuntimeException expectedForTheBrokenWebhook) {
				assertThat(expectedForTheBrokenWebhook).hasMessageContaining("answered 404");
			}
		}

		JsonNode slack = json.readTree(received.get("/slack").get(0));
		assertThat(slack.path("text").asText()).startsWith("*[SEV2][" + key + "] Checkout &lt;b&gt;errors&lt;/b&gt; &amp; timeouts resolved*")
			.contains("Bad release rolled back", "<http://localhost:8080/incidents/" + key + "|Open " + key + ">");
		JsonNode teams = json.readTree(received.get("/teams").get(0));
		assertThat(teams.path("type").asText()).isEqualTo("message");
		JsonNode card = teams.path("attachments").get(0);
		assertThat(card.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
		assertThat(card.path("content").path("body").get(0).path("text").asText()).contains(key, "resolved");
		assertThat(card.path("content").path("actions").get(0).path("url").asText())
			.isEqualTo("http://localhost:8080/incidents/" + key);

		assertThat(received.get("/gone")).as("a 4xx is not retried").hasSize(1);
		Job broken = deliveryJobs(key).get(0);
		assertThat(deliveryJobs(key)).hasSize(1);
		assertThat(broken.getRetries()).isZero();
		assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(broken.getProcessInstanceId())
			.singleResult().getIncidentMessage()).contains("Chat stakeholders/broken (slack) answered 404")
			.doesNotContain("127.0.0.1");
		assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
			.as("the plan itself has no incident").isZero();
		assertThat(notifications.findByKey(key + "/notice/resolution/stakeholders/SLACK:broken").orElseThrow().status())
			.isEqualTo(NotificationStatus.FAILED);
		assertThat(notifications.findByKey(key + "/notice/resolution/stakeholders/SLACK:incidents").orElseThrow()
			.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(instance).isWaitingAt("CallActivity_Postmortem");
	}

	private List<Job> deliveryJobs(String incidentKey) {
		return driver.deliveryJobs(incidentKey, "notice/resolution/");
	}

	@Test
	void drillsStayOutOfChannelsThatDoNotTakeDrills() {
		ProcessInstance instance = driver.declare("Game day", "checkout", "significant", "high", true);
		driver.workToResolved(instance, "significant", "high");
		driver.runJob(instance, "ServiceTask_NotifyResolution");
		assertThat(deliveryJobs(instance.getBusinessKey())).as("only the responders' mail").hasSize(1);
	}

	private ProcessInstance resolved(String title) {
		ProcessInstance instance = driver.declare(title, "checkout", "significant", "high", false);
		driver.workToResolved(instance, "significant", "high");
		return instance;
	}
}
