package io.firebreak.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.xml.transform.dom.DOMSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The baseline of the throughput benchmark must stay a plan of the same shape as Firebreak's that
 * runs on a bare engine: if the plans change in a way BaselinePlan does not follow, these fail.
 */
class BaselinePlanTests {

	final BaselinePlan baseline = BaselinePlan.fromClasspath();

	@Test
	void keepsEveryStepGatewayEventTimerAndCallOfTheRealPlans() {
		for (String resource : BaselinePlan.PLANS) {
			BpmnModelInstance real = Bpmn.readModelFromStream(BaselinePlan.open(resource));
			BpmnModelInstance adapted = baseline.models().get(resource);
			for (Class<? extends ModelElementInstance> type : List.of(UserTask.class, Gateway.class, Event.class,
					BoundaryEvent.class, CallActivity.class, ServiceTask.class, BusinessRuleTask.class, SubProcess.class,
					SequenceFlow.class, TimerEventDefinition.class)) {
				assertThat(ids(adapted, type)).as("%s: the %ss", resource, type.getSimpleName())
					.isNotNull()
					.containsExactlyInAnyOrderElementsOf(ids(real, type));
			}
			assertThat(async(adapted)).as("%s: async flags", resource).isEqualTo(async(real));
			assertThat(texts(adapted, TimerEventDefinition.class)).as("%s: timers", resource)
				.isEqualTo(texts(real, TimerEventDefinition.class));
		}
		assertThat(ids(baseline.models().get(BaselinePlan.INCIDENT_RESPONSE), UserTask.class)).hasSizeGreaterThan(5);
		assertThat(ids(baseline.models().get(BaselinePlan.INCIDENT_RESPONSE), CallActivity.class)).hasSize(1);
	}

	@Test
	void noStepRunsFirebreakCode() {
		for (BpmnModelInstance model : baseline.models().values()) {
			List<String> code = new ArrayList<>();
			walk(root(model), element -> {
				for (String name : List.of("class", "delegateExpression")) {
					if (element.hasAttributeNS("http://camunda.org/schema/1.0/bpmn", name)) {
						code.add(element.getAttribute("id") + " " + name);
					}
				}
			});
			assertThat(code).isEmpty();
			model.getModelElementsByType(ServiceTask.class)
				.forEach(task -> assertThat(task.getCamundaExpression()).isEqualTo(BaselinePlan.NO_OP));
		}
	}

	@Test
	void noExpressionNamesAFirebreakBean() {
		Set<String> beans = firebreakBeanNames();
		assertThat(beans).as("the scan finds Firebreak's beans").contains("taskDueDates", "reviewSchedule",
				"notifyAudiencesDelegate");
		List<String> realMentions = mentions(Bpmn.readModelFromStream(BaselinePlan.open(BaselinePlan.POSTMORTEM)), beans);
		assertThat(realMentions).as("the real postmortem calls beans, so the check can fail").isNotEmpty();
		for (BpmnModelInstance model : baseline.models().values()) {
			assertThat(mentions(model, beans)).isEmpty();
		}
	}

	@Test
	void beanCallsBecomeTheStandInDateOnlyWhereTheyComputedADate() {
		List<BaselinePlan.Change> dates = baseline.changes().stream()
			.filter(change -> change.now().equals(BaselinePlan.STAND_IN_DATE))
			.toList();
		assertThat(dates).isNotEmpty().allSatisfy(change -> assertThat(change.where())
			.matches(".*(camunda:dueDate|outputParameter reviewDeadline)$"));
		assertThat(BaselinePlan.beansCalled("${taskDueDates.after(ackTimeout)}")).containsExactly("taskDueDates");
		assertThat(BaselinePlan.beansCalled("${decisionResult.getSingleResult().severity}")).isEmpty();
		assertThat(BaselinePlan.beansCalled("${execution.getVariable('a.b') != null ? x : 'c.d()'}")).isEmpty();
	}

	/** Deploys the baseline on an in-memory engine and works an incident through it to the end, postmortem included. */
	@Test
	void runsOnABareEngineFromStartToClosedThroughThePostmortem() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setJdbcUrl("jdbc:h2:mem:baseline-plan-tests;DB_CLOSE_DELAY=-1");
		configuration.setJobExecutorActivate(false);
		configuration.setHistory("full");
		configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
		ProcessEngine engine = configuration.buildProcessEngine();
		try {
			var deployment = engine.getRepositoryService().createDeployment();
			baseline.models().forEach(deployment::addModelInstance);
			BaselinePlan.DECISIONS.forEach(deployment::addClasspathResource);
			deployment.deploy();
			String key = "BASE-1";
			engine.getRuntimeService().createProcessInstanceByKey(BaselinePlan.PROCESS_ID).businessKey(key)
				.setVariables(BaselinePlan.startVariables(key, TaskPlaybook.IMPACT, TaskPlaybook.URGENCY,
						TaskPlaybook.SEVERITY, TaskPlaybook.ACK_TIMEOUT))
				.execute();
			TaskPlaybook playbook = new TaskPlaybook();
			EngineApiChannel channel = new EngineApiChannel(engine, (api, n) -> key, null);
			List<String> done = new ArrayList<>();
			for (int step = 0; step < 50 && channel.running(key); step++) {
				List<Job> due = engine.getManagementService().createJobQuery().executable().list();
				if (!due.isEmpty()) {
					engine.getManagementService().executeJob(due.get(0).getId());
					continue;
				}
				Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).list().get(0);
				TaskPlaybook.Step next = playbook.step(task.getTaskDefinitionKey(), task.getAssignee());
				channel.complete(new IncidentChannel.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getAssignee()),
						next.user(), next.form());
				done.add(task.getTaskDefinitionKey());
			}
			assertThat(channel.running(key)).isFalse();
			assertThat(done).startsWith("UserTask_AcknowledgePage", "UserTask_AssessIncident")
				.contains("UserTask_ResolveIncident", "UserTask_AssignOwner", "UserTask_ReviewMeeting")
				.endsWith("UserTask_ApprovePostmortem")
				.hasSize(11);
			assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
				.processDefinitionKey("postmortem").finished().count()).isEqualTo(1);
		}
		finally {
			engine.close();
		}
	}

	/**
	 * Firebreak's bean names, found as Spring would without starting it: its components (default
	 * or given names) and the @Bean methods of its configuration classes.
	 */
	static Set<String> firebreakBeanNames() {
		ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
		scan.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
		AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
		Set<String> beans = new TreeSet<>();
		for (BeanDefinition candidate : scan.findCandidateComponents("io.firebreak")) {
			if (candidate.getBeanClassName().startsWith("io.firebreak.performance")) {
				continue;
			}
			beans.add(names.generateBeanName(candidate, registry));
			try {
				for (Method method : Class.forName(((AnnotatedBeanDefinition) candidate).getMetadata().getClassName())
					.getDeclaredMethods()) {
					Bean bean = method.getAnnotation(Bean.class);
					if (bean != null) {
						beans.addAll(bean.name().length > 0 ? List.of(bean.name()) : List.of(method.getName()));
					}
				}
			}
			catch (ClassNotFoundException e) {
				throw new IllegalStateException(e);
			}
		}
		return beans;
	}

	/** Every expression in the model (attribute or text) that names one of {@code beans}. */
	static List<String> mentions(BpmnModelInstance model, Set<String> beans) {
		List<String> found = new ArrayList<>();
		walk(root(model), element -> {
			NamedNodeMap attributes = element.getAttributes();
			List<String> values = new ArrayList<>();
			for (int i = 0; i < attributes.getLength(); i++) {
				values.add(((Attr) attributes.item(i)).getValue());
			}
			if (element.getChildNodes().getLength() == 1 && element.getFirstChild().getNodeType() == Node.TEXT_NODE) {
				values.add(element.getTextContent());
			}
			for (String value : values) {
				if (value.contains("{") && beans.stream().anyMatch(bean -> value.matches("(?s).*[$#]\\{[^}]*\\b" + bean + "\\b.*"))) {
					found.add(value);
				}
			}
		});
		return found;
	}

	private static Element root(BpmnModelInstance model) {
		return ((org.w3c.dom.Document) ((DOMSource) model.getDocument().getDomSource()).getNode()).getDocumentElement();
	}

	private static void walk(Element element, java.util.function.Consumer<Element> visit) {
		visit.accept(element);
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				walk(e, visit);
			}
		}
	}

	private static List<String> ids(BpmnModelInstance model, Class<? extends ModelElementInstance> type) {
		return model.getModelElementsByType(type).stream().map(element -> element.getAttributeValue("id")).sorted().toList();
	}

	private static Map<String, String> async(BpmnModelInstance model) {
		return collect(model.getModelElementsByType(FlowNode.class),
				node -> node.isCamundaAsyncBefore() + "/" + node.isCamundaAsyncAfter());
	}

	private static Map<String, String> texts(BpmnModelInstance model, Class<TimerEventDefinition> type) {
		return collect(model.getModelElementsByType(type), timer -> timer.getTextContent().strip());
	}

	private static <T extends ModelElementInstance> Map<String, String> collect(Collection<T> elements,
			Function<T, String> value) {
		Map<String, String> collected = new java.util.TreeMap<>();
		elements.forEach(element -> collected.put(element.getAttributeValue("id"), value.apply(element)));
		return collected;
	}
}
