package io.firebreak.performance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.transform.dom.DOMSource;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The baseline of the throughput comparison: Firebreak's own plans (the incident response plan
 * and the postmortem it calls), read from the classpath as Firebreak deploys them, made runnable on
 * a bare Camunda engine without changing their shape. Every user task, gateway, event, timer, call
 * activity, decision and async flag stays; only what needs Firebreak's code goes:
 * <ul>
 * <li>every service or send task's implementation (a Firebreak delegate) becomes the no-op
 * expression {@code ${null}}, so the engine still enters, runs and leaves the step (and its async
 * job, where it has one);</li>
 * <li>execution and task listeners implemented by a class or a delegate expression go;</li>
 * <li>every expression that calls a Firebreak bean ({@code ${taskDueDates.after(ackTimeout)}},
 * {@code ${reviewSchedule.deadline()}}) becomes {@link #STAND_IN_DATE}: in these plans the beans
 * compute due dates and deadlines, so the engine still parses a due date where Firebreak gives
 * one.</li>
 * </ul>
 * This is done by walking every element and attribute, not by element id, so that a plan that
 * grows a step is still compared like for like. The decisions the plans evaluate are deployed
 * unchanged ({@link #DECISIONS}): evaluating them is the engine's own work. What Firebreak's code
 * would have put into the instance and the plans read is given at start ({@link #startVariables}).
 */
public final class BaselinePlan {

	public static final String INCIDENT_RESPONSE = "processes/incident-response.bpmn";
	public static final String POSTMORTEM = "processes/postmortem.bpmn";
	public static final List<String> PLANS = List.of(INCIDENT_RESPONSE, POSTMORTEM);
	public static final List<String> DECISIONS = List.of("processes/incident-priority.dmn",
			"processes/post-incident-analysis.dmn");
	public static final String PROCESS_ID = "incident-response";

	/** Where a Firebreak bean computed a date: far enough ahead that no due date ever passes in a run. */
	public static final String STAND_IN_DATE = "2099-12-31T00:00:00";
	public static final String NO_OP = "${null}";

	/** The camunda: attributes by which a task runs code (and where it puts the result). */
	static final List<String> IMPLEMENTATION = List.of("class", "delegateExpression", "expression", "type", "topic",
			"resultVariable");
	static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	/**
	 * Names an expression may call methods or read properties on without them being a Firebreak
	 * bean: Camunda's own context objects. The plans' variables hold ids and primitives only
	 * (IncidentResponseVariables), so any other name with a dot or call after it is a bean.
	 */
	static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "decisionResult", "variableScope",
			"authenticatedUserId", "currentUser", "currentUserGroups", "connector", "S", "XML", "JSON", "dateTime",
			"now");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
	private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
	private static final Pattern CALLED_NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*[.(\\[]");

	/** One change the baseline made, for the report and the tests: where, what was there, what is now. */
	public record Change(String where, String was, String now) {
	}

	private final Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
	private final List<Change> changes = new ArrayList<>();

	private BaselinePlan() {
	}

	/** Reads the real plans from the classpath (target/classes/processes, as Firebreak deploys them) and adapts them. */
	public static BaselinePlan fromClasspath() {
		BaselinePlan plan = new BaselinePlan();
		for (String resource : PLANS) {
			plan.models.put(resource, plan.adapt(resource, Bpmn.readModelFromStream(open(resource))));
		}
		return plan;
	}

	/** The adapted models by resource name (the name they are deployed under). */
	public Map<String, BpmnModelInstance> models() {
		return models;
	}

	public List<Change> changes() {
		return changes;
	}

	/**
	 * What Firebreak's code puts into an incident and the plans read, as literals: the declaration
	 * (IncidentDeclarations), the page (PageOnCallDelegate: who is paged, how long they have, whether
	 * the escalation policy is used up), who acknowledged (the responder containment is assigned to)
	 * and the severity the assessment settles (read by the post-incident-analysis decision and the
	 * postmortem). postmortemRequested is the resolve form's optional box, which Firebreak's form
	 * handling always sets.
	 */
	public static Map<String, Object> startVariables(String key, String impact, String urgency, String severity,
			String pageAckTimeout) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("incidentKey", key);
		variables.put("title", "Checkout errors " + key);
		variables.put("summary", "what we see");
		variables.put("service", "checkout");
		variables.put("impact", impact);
		variables.put("urgency", urgency);
		variables.put("incidentType", "operational");
		variables.put("drill", false);
		variables.put("pagedResponder", "oncall");
		variables.put("escalationLevel", 0);
		variables.put("pageAckTimeout", pageAckTimeout);
		variables.put("escalationExhausted", false);
		variables.put("responder", "oncall");
		variables.put("severity", severity);
		variables.put("postmortemRequested", false);
		return variables;
	}

	private BpmnModelInstance adapt(String resource, BpmnModelInstance model) {
		for (Task task : model.getModelElementsByType(Task.class)) {
			// a business rule task's decision is the engine's own work; only a delegate in its place is Firebreak's
			boolean delegates = task instanceof ServiceTask || task instanceof SendTask
					|| task instanceof BusinessRuleTask rule && rule.getCamundaDecisionRef() == null;
			if (delegates) {
				changes.add(new Change(resource + " " + task.getId(), IMPLEMENTATION.stream()
					.map(name -> task.getAttributeValueNs(CAMUNDA_NS, name)).filter(Objects::nonNull)
					.collect(Collectors.joining(" ")), NO_OP));
				IMPLEMENTATION.forEach(name -> task.removeAttributeNs(CAMUNDA_NS, name));
				task.setAttributeValueNs(CAMUNDA_NS, "expression", NO_OP);
			}
		}
		for (CamundaExecutionListener listener : List.copyOf(model.getModelElementsByType(CamundaExecutionListener.class))) {
			if (listener.getCamundaClass() != null || listener.getCamundaDelegateExpression() != null) {
				changes.add(new Change(resource + " execution listener", describe(listener.getCamundaClass(),
						listener.getCamundaDelegateExpression()), "(removed)"));
				listener.getParentElement().removeChildElement(listener);
			}
		}
		for (CamundaTaskListener listener : List.copyOf(model.getModelElementsByType(CamundaTaskListener.class))) {
			if (listener.getCamundaClass() != null || listener.getCamundaDelegateExpression() != null) {
				changes.add(new Change(resource + " task listener", describe(listener.getCamundaClass(),
						listener.getCamundaDelegateExpression()), "(removed)"));
				listener.getParentElement().removeChildElement(listener);
			}
		}
		Node document = ((DOMSource) model.getDocument().getDomSource()).getNode();
		replaceBeanCalls(resource, document);
		Bpmn.validateModel(model);
		// read back from its text, so that the instance the engine gets is what the changed XML says
		return Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(
				Bpmn.convertToString(model).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	/** Walks every element: attributes and text that call a Firebreak bean get the stand-in date. */
	private void replaceBeanCalls(String resource, Node node) {
		if (node instanceof Element element) {
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				if (!callsBean(attribute.getValue())) {
					continue;
				}
				changes.add(new Change(resource + " " + idOf(element) + " " + attribute.getName(), attribute.getValue(),
						STAND_IN_DATE));
				attribute.setValue(STAND_IN_DATE);
			}
			if (!hasChildElements(element) && callsBean(element.getTextContent())) {
				String where = element.getLocalName()
						+ (element.hasAttribute("name") ? " " + element.getAttribute("name") : "");
				changes.add(new Change(resource + " " + idOf(element) + " " + where, element.getTextContent(),
						STAND_IN_DATE));
				element.setTextContent(STAND_IN_DATE);
			}
		}
		for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
			replaceBeanCalls(resource, child);
		}
	}

	/** The names an expression calls or dereferences that are not Camunda's own: Firebreak's beans. */
	public static List<String> beansCalled(String text) {
		List<String> beans = new ArrayList<>();
		if (text == null) {
			return beans;
		}
		Matcher expression = EXPRESSION.matcher(text);
		while (expression.find()) {
			Matcher name = CALLED_NAME.matcher(QUOTED.matcher(expression.group(1)).replaceAll("''"));
			while (name.find()) {
				if (!ENGINE_NAMES.contains(name.group(1))) {
					beans.add(name.group(1));
				}
			}
		}
		return beans;
	}

	static boolean callsBean(String text) {
		return !beansCalled(text).isEmpty();
	}

	private static boolean hasChildElements(Element element) {
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element) {
				return true;
			}
		}
		return false;
	}

	/** The id of the nearest element that has one (a parameter has none; its task has). */
	private static String idOf(Element element) {
		for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
			if (e.hasAttribute("id")) {
				return e.getAttribute("id");
			}
		}
		return "?";
	}

	private static String describe(String... implementation) {
		return String.join(" ", java.util.Arrays.stream(implementation).filter(Objects::nonNull).toList());
	}

	static InputStream open(String resource) {
		InputStream in = BaselinePlan.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new UncheckedIOException(new IOException(resource + " is not on the classpath (mvn test-compile copies processes/ there)"));
		}
		return in;
	}
}
