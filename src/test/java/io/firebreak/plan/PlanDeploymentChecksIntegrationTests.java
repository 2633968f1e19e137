package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import io.firebreak.plan.ModelerDeploy.Answer;

/** Deploying from Modeler (/engine-rest/deployment/create): what is refused with 400 and why; what goes through. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
class PlanDeploymentChecksIntegrationTests {

	private static final String PLAN = "Response plan 'Test response plan' (test-response-plan)";

	@LocalServerPort
	int port;

	@Test
	void aCompletePlanWithItsFormsAndDecisionTableDeploysForPlanAuthorsAndAdmins() throws Exception {
		Answer byAuthor = modeler().deploy("author", "complete plan", PlanFiles.complete().files());
		assertThat(byAuthor.status()).as(byAuthor.body()).isEqualTo(200);
		assertThat(byAuthor.json().path("deployedProcessDefinitions").toString()).contains("test-response-plan");
		assertThat(byAuthor.json().path("deployedDecisionDefinitions").toString()).contains("test-priority");

		Answer byAdmin = modeler().deploy("admin", "complete plan by admin", PlanFiles.complete().files());
		assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
	}

	@Test
	void onlyPlanAuthorsAndAdminsMayDeploy() throws Exception {
		for (String user : new String[] { "ic", "oncall", "auditor" }) {
			Answer refused = modeler().deploy(user, "plan by " + user, PlanFiles.complete().files());
			assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
			assertThat(deployments("plan by " + user)).isEmpty();
		}
	}

	@Test
	void theMainPlanAloneIsRefusedNamingItsFormsAndDecisionAndDeclaringStillWorks() throws Exception {
		Answer refused = modeler().deploy("author", "incident response alone",
				Map.of("incident-response.bpmn", PlanFiles.bytes("processes/incident-response.bpmn")));

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("type").asText()).isEqualTo("ParseException");
		assertThat(refused.problems()).contains(
				"Start event 'Incident declared' (StartEvent_IncidentDeclared) uses form 'form-declare-incident' with "
						+ "binding 'deployment', but the deployment has no such form: deploy the form with the diagram, "
						+ "or use binding 'latest'",
				"User task 'Assess incident' (UserTask_AssessIncident) uses form 'form-assess-incident' with binding "
						+ "'deployment', but the deployment has no such form",
				"Business rule task 'Determine priority' (BusinessRuleTask_DeterminePriority) evaluates decision "
						+ "'incident-priority' with binding 'deployment', but the deployment has no such decision: deploy "
						+ "the decision table (.dmn) with the diagram, or use binding 'latest'");
		JsonNode errors = refused.json().path("details").path("incident-response.bpmn").path("errors");
		assertThat(errors.findValuesAsText("mainElementId")).contains("StartEvent_IncidentDeclared",
				"UserTask_AssessIncident", "BusinessRuleTask_DeterminePriority");
		assertThat(deployments("incident response alone")).isEmpty();

		Answer declared = modeler().postJson("ic", "/api/incidents", Map.of("title", "Checkout errors", "summary",
				"Declared after a refused deploy", "service", "checkout", "impact", "significant", "urgency", "high"));
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
	}

	@Test
	void aFormThatIsNotInTheDeploymentIsRefusedAndNothingOfTheDeploymentIsKept() throws Exception {
		Answer refused = refused("without forms", PlanFiles.plan().withDecision());
		assertThat(refused.problems()).contains("User task 'Assess incident' (UserTask_Assess) uses form 'test-assess' "
				+ "with binding 'deployment', but the deployment has no such form: deploy the form with the diagram, or "
				+ "use binding 'latest'\n");
		assertThat(deployments("without forms")).as("the decision table was refused with the diagram").isEmpty();
	}

	@Test
	void aDecisionThatIsNotInTheDeploymentIsRefused() throws Exception {
		assertThat(refused("without decision", PlanFiles.plan().withForms()).problems()).isEqualTo(
				"Business rule task 'Determine priority' (BusinessRuleTask_Prioritise) evaluates decision 'test-priority' "
						+ "with binding 'deployment', but the deployment has no such decision: deploy the decision table "
						+ "(.dmn) with the diagram, or use binding 'latest'\n");
	}

	@Test
	void aFormWithBindingLatestThatWasNeverDeployedIsRefused() throws Exception {
		PlanFiles plan = PlanFiles.complete().changed("camunda:formRef=\"test-review\" camunda:formRefBinding=\"deployment\"",
				"camunda:formRef=\"test-retrospective\" camunda:formRefBinding=\"latest\"");
		assertThat(refused("latest form", plan).problems()).isEqualTo("User task 'Post-incident review' (UserTask_Review) "
				+ "uses form 'test-retrospective' with binding 'latest', but no such form is deployed: deploy the form "
				+ "(a .form file whose id is 'test-retrospective') with the diagram\n");
	}

	@Test
	void aDecisionWithBindingLatestThatIsDeployedAlreadyIsAccepted() throws Exception {
		PlanFiles plan = PlanFiles.plan().withForms().changed(
				"camunda:decisionRef=\"test-priority\" camunda:decisionRefBinding=\"deployment\"",
				"camunda:decisionRef=\"incident-priority\" camunda:decisionRefBinding=\"latest\"");
		Answer deployed = modeler().deploy("author", "latest decision", plan.files());
		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
	}

	@Test
	void anUnknownBuildingBlockIsRefused() throws Exception {
		PlanFiles plan = PlanFiles.complete().changed("${notifyResolutionDelegate}", "${notifyEveryoneDelegate}");
		assertThat(refused("unknown block", plan).problems()).startsWith("Service task 'Notify stakeholders' "
				+ "(ServiceTask_Notify) calls '${notifyEveryoneDelegate}', which is no Firebreak building block: use one "
				+ "of ").contains("${notifyResolutionDelegate}", "${pageOnCallDelegate}");
	}

	@Test
	void aBeanThatIsNoBuildingBlockForAServiceTaskIsRefused() throws Exception {
		PlanFiles plan = PlanFiles.complete().changed("${pageOnCallDelegate}", "${taskDueDates}");
		assertThat(refused("bean of the wrong kind", plan).problems()).contains("Service task 'Page on-call' "
				+ "(ServiceTask_PageOnCall) calls '${taskDueDates}', which is no JavaDelegate building block: use one of ");
	}

	@Test
	void anUnknownTaskListenerIsRefused() throws Exception {
		PlanFiles plan = PlanFiles.complete().changed("value=\"reviewed\" />\n        </camunda:properties>",
				"value=\"reviewed\" />\n        </camunda:properties>\n"
						+ "        <camunda:taskListener delegateExpression=\"${recordEverythingListener}\" event=\"complete\" />");
		assertThat(refused("unknown listener", plan).problems()).startsWith("User task 'Post-incident review' "
				+ "(UserTask_Review) has the task listener '${recordEverythingListener}', which is no Firebreak building "
				+ "block: use one of ");
	}

	@Test
	void aJavaClassIsRefused() throws Exception {
		PlanFiles plan = PlanFiles.complete().changed("camunda:delegateExpression=\"${pageOnCallDelegate}\"",
				"camunda:class=\"com.example.PageSomeone\"");
		assertThat(refused("java class", plan).problems()).contains("Service task 'Page on-call' (ServiceTask_PageOnCall) "
				+ "names the Java class 'com.example.PageSomeone' (camunda:class): Firebreak plans use building blocks "
				+ "only: apply a Firebreak template, which sets a delegate expression such as ${pageOnCallDelegate}\n");
	}

	@Test
	void aPlanWithoutHistoryTimeToLiveIsRefusedInPlainWords() throws Exception {
		PlanFiles plan = PlanFiles.complete().changed(" camunda:historyTimeToLive=\"P400D\"", "");
		assertThat(refused("no ttl", plan).problems()).contains("Process 'Test response plan' (test-response-plan) has no "
				+ "history time to live: set 'History cleanup > Time to live' in Modeler's properties panel "
				+ "(camunda:historyTimeToLive, for example P400D), so that the history of finished incidents is cleaned up\n");
	}

	@Test
	void aPlanKeepingItsHistoryShorterThanTheRetentionPolicyIsRefused() throws Exception {
		PlanFiles plan = PlanFiles.complete().changed("camunda:historyTimeToLive=\"P400D\"", "camunda:historyTimeToLive=\"P180D\"");
		assertThat(refused("short ttl", plan).problems()).isEqualTo("Process 'Test response plan' (test-response-plan) "
				+ "keeps its history 180 days, less than the 400 days Firebreak keeps incident plans "
				+ "(firebreak.retention.minimum): set 'History cleanup > Time to live' in Modeler's properties panel "
				+ "(camunda:historyTimeToLive) to P400D or more\n");
	}

	@Test
	void aPlanChosenForSecurityIncidentsKeepsItsHistoryForTheSecurityMinimum() throws Exception {
		PlanFiles plan = PlanFiles.complete().changed("test-response-plan", "security-incident");
		assertThat(refused("security ttl", plan).problems()).contains("Process 'Test response plan' (security-incident) "
				+ "keeps its history 400 days, less than the 2190 days Firebreak keeps security plans (services.yaml "
				+ "chooses security-incident for security incidents; firebreak.retention.security-minimum): set "
				+ "'History cleanup > Time to live' in Modeler's properties panel (camunda:historyTimeToLive) to P2190D or more\n");
	}

	@Test
	void aResponsePlanThatPagesNobodyIsRefused() throws Exception {
		PlanFiles plan = PlanFiles.complete().changed("${pageOnCallDelegate}", "${recordAlertsDelegate}");
		assertThat(refused("pages nobody", plan).problems()).isEqualTo(PLAN + " pages nobody: add a service task that "
				+ "pages the on-call (template 'Firebreak: Page on-call', ${pageOnCallDelegate})\n");
	}

	@Test
	void aResponsePlanWithoutCommanderIsRefused() throws Exception {
		PlanFiles plan = PlanFiles.complete().changed("camunda:formRef=\"test-assess\"", "camunda:formRef=\"test-review\"");
		assertThat(refused("no commander", plan).problems()).isEqualTo(PLAN + " has no commander: add a user task with "
				+ "milestone 'assessed' whose form has a field with key 'commander'\n");
	}

	@Test
	void aResponsePlanThatTellsNoStakeholdersIsRefused() throws Exception {
		PlanFiles plan = PlanFiles.complete().changed("${notifyResolutionDelegate}", "${recordResolvedAlertDelegate}");
		assertThat(refused("tells nobody", plan).problems()).isEqualTo(PLAN + " tells no stakeholders: add a service task "
				+ "that notifies them (template 'Firebreak: Notify', ${notifyResolutionDelegate})\n");
	}

	@Test
	void aResponsePlanWithoutReviewIsRefusedUnlessItSaysWhyNoneIsNeeded() throws Exception {
		PlanFiles noReview = PlanFiles.complete().changed("value=\"reviewed\"", "value=\"resolved\"");
		assertThat(refused("no review", noReview).problems()).isEqualTo(PLAN + " ends with no review: add a user task "
				+ "or a call activity (the postmortem plan) with milestone 'reviewed', or give the process the property 'firebreak.noReviewReason' saying why no "
				+ "review is needed\n");

		PlanFiles reasoned = PlanFiles.complete().changed("value=\"reviewed\"", "value=\"resolved\"")
			.changed("camunda:historyTimeToLive=\"P400D\">", "camunda:historyTimeToLive=\"P400D\">\n    <bpmn:extensionElements>"
					+ "<camunda:properties><camunda:property name=\"firebreak.noReviewReason\" value=\"Reviewed in the "
					+ "weekly operations meeting\" /></camunda:properties></bpmn:extensionElements>");
		Answer deployed = modeler().deploy("author", "no review, with reason", reasoned.files());
		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
	}

	@Test
	void anUnknownOrMisplacedMilestoneIsRefused() throws Exception {
		PlanFiles typo = PlanFiles.complete().changed("value=\"reviewed\"", "value=\"reveiwed\"");
		assertThat(refused("milestone typo", typo).problems()).contains("has milestone 'reveiwed', which Firebreak "
				+ "does not know: use one of declared, prioritised, assessed, acknowledged, contained, mitigated, "
				+ "recovered, resolved, reviewed, closed");

		PlanFiles misplaced = PlanFiles.complete().changed("value=\"closed\"", "value=\"prioritised\"");
		assertThat(refused("milestone misplaced", misplaced).problems())
			.contains("has milestone 'prioritised', which belongs on a business rule task");
	}

	@Test
	void aProcessThatIsNoResponsePlanIsNotHeldToThePlanPolicy() throws Exception {
		PlanFiles followUp = PlanFiles.complete().changed("<camunda:property name=\"firebreak.milestone\" value=\"declared\" />", "")
			.changed("${pageOnCallDelegate}", "${recordAlertsDelegate}");
		Answer deployed = modeler().deploy("author", "follow-up", followUp.files());
		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
	}

	@Test
	void aFormWhosePropertiesCannotBeReadIsRefusedNamingTheFormAndTheFieldWithOrWithoutItsPlan() throws Exception {
		String review = PlanFiles.text("plans/test-review.form").replace("\"label\": \"Lessons learned\" }",
				"\"label\": \"Lessons learned\" },\n    { \"type\": \"dynamiclist\", \"id\": \"List_Items\", "
						+ "\"path\": \"actionItems\", \"label\": \"Action items\", "
						+ "\"properties\": { \"firebreak.minItems\": \"0\" }, \"components\": [ { \"type\": \"textfield\", "
						+ "\"id\": \"Field_Title\", \"key\": \"title\", \"label\": \"Title\" } ] }");
		assertThat(review).contains("firebreak.minItems");
		Map<String, byte[]> files = PlanFiles.complete().files();
		files.put("test-review.form", review.getBytes(StandardCharsets.UTF_8));

		for (Map<String, byte[]> deployed : List.of(files, Map.of("test-review.form", files.get("test-review.form")))) {
			String name = "list of none " + deployed.size();
			Answer refused = modeler().deploy("author", name, deployed);
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.json().path("type").asText()).isEqualTo("ParseException");
			assertThat(refused.problems()).isEqualTo("form 'test-review', field 'actionItems': firebreak.minItems '0' "
					+ "is not a whole number of at least 1 (test-review.form): fix it in Modeler's properties panel and "
					+ "deploy again\n");
			assertThat(refused.json().path("details").has("test-review.form")).as(refused.body()).isTrue();
			assertThat(deployments(name)).as("nothing of the deployment is kept").isEmpty();
		}
	}

	private Answer refused(String deploymentName, PlanFiles plan) throws Exception {
		Answer refused = modeler().deploy("author", deploymentName, plan.files());
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("type").asText()).isEqualTo("ParseException");
		return refused;
	}

	private JsonNode deployments(String name) throws Exception {
		return modeler().get("admin", "/engine-rest/deployment?name=" + name.replace(" ", "%20")).json();
	}

	private ModelerDeploy modeler() {
		return new ModelerDeploy(port);
	}
}
