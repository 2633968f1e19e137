package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Firebreak palette (processes/.camunda/element-templates) offers only what exists: building
 * blocks that are Spring beans, the spec's milestones, audiences and teams of config/. Schema
 * validity is CI's job (.ci/modeler-lint/validate-templates.mjs).
 */
class ElementTemplatesTests {

	static final Path TEMPLATES = Path.of("processes/.camunda/element-templates");
	static final Set<String> MILESTONES = Set.of("declared", "prioritised", "assessed", "acknowledged", "contained",
			"mitigated", "recovered", "resolved", "reviewed", "closed");
	static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

	static List<JsonNode> templates;

	@BeforeAll
	static void readTemplates() throws IOException {
		ObjectMapper json = new ObjectMapper();
		templates = new ArrayList<>();
		try (Stream<Path> files = Files.list(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode content = json.readTree(file.toFile());
				(content.isArray() ? content : json.createArrayNode().add(content)).forEach(templates::add);
			}
		}
	}

	@Test
	void templateIdsAreUniqueFirebreakIds() {
		List<String> ids = templates.stream().map(template -> template.path("id").asText()).toList();
		assertThat(ids).hasSizeGreaterThanOrEqualTo(9).doesNotHaveDuplicates()
			.allSatisfy(id -> assertThat(id).matches("io\\.firebreak\\.[A-Z][A-Za-z]+"));
		assertThat(templates).allSatisfy(template -> assertThat(template.path("version").isInt())
			.as("version of %s", template.path("id")).isTrue());
	}

	@Test
	void everyDelegateExpressionNamesABuildingBlockBean() {
		Set<String> beans = componentBeanNames();
		Map<String, String> delegates = valuesOfBinding("property", "camunda:delegateExpression");
		assertThat(delegates).isNotEmpty();
		delegates.forEach((where, expression) -> {
			Matcher bean = BEAN_EXPRESSION.matcher(expression);
			assertThat(bean.matches()).as("%s: %s is a ${beanName}", where, expression).isTrue();
			assertThat(beans).as("%s names bean '%s', which no @Component class in io.firebreak declares", where,
					bean.group(1)).contains(bean.group(1));
		});
	}

	@Test
	void milestonesOfferedAreTheSpecsMilestones() {
		List<String> offered = new ArrayList<>();
		forEachProperty((where, property) -> {
			JsonNode binding = property.path("binding");
			if (binding.path("type").asText().equals("camunda:property")
					&& binding.path("name").asText().equals("firebreak.milestone")) {
				offered.add(property.path("value").asText());
				property.path("choices").forEach(choice -> offered.add(choice.path("value").asText()));
			}
		});
		// "" is the user task's "None": no milestone
		assertThat(offered).contains("declared", "prioritised", "closed", "assessed", "reviewed")
			.allSatisfy(value -> assertThat(value.isEmpty() || MILESTONES.contains(value))
				.as("milestone '%s' is one of %s", value, MILESTONES).isTrue());
	}

	@Test
	void audiencesAndTeamsOfferedAreConfigured() throws IOException {
		ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
		Set<String> audiences = ids(yaml.readTree(Path.of("config/audiences.yaml").toFile()).path("audiences"));
		Set<String> teams = ids(yaml.readTree(Path.of("config/roster.yaml").toFile()).path("teams"));
		assertThat(choicesOfInput("audience")).isNotEmpty().isSubsetOf(audiences);
		assertThat(choicesOfInput("pageTeam")).contains("").isSubsetOf(union(teams, Set.of("")));
	}

	@Test
	void determinePriorityMapsTheDecisionAsTheMainPlanDoes() {
		BpmnModelInstance plan = Bpmn.readModelFromFile(Path.of("processes/incident-response.bpmn").toFile());
		BusinessRuleTask priority = plan.getModelElementsByType(BusinessRuleTask.class).stream()
			.filter(task -> "incident-priority".equals(task.getCamundaDecisionRef())).findFirst().orElseThrow();
		Map<String, String> planOutputs = priority.getExtensionElements()
			.getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class)
			.singleResult().getCamundaOutputParameters().stream()
			.collect(Collectors.toMap(CamundaOutputParameter::getCamundaName, CamundaOutputParameter::getTextContent));
		Map<String, String> templateOutputs = new LinkedHashMap<>();
		template("io.firebreak.DeterminePriority").path("properties").forEach(property -> {
			if (property.path("binding").path("type").asText().equals("camunda:outputParameter")) {
				templateOutputs.put(property.path("value").asText(), property.path("binding").path("source").asText());
			}
		});
		assertThat(templateOutputs).isEqualTo(planOutputs);
	}

	@Test
	void thePostmortemTemplateCallsThePostmortemPlanAsBothPlansDo() {
		Set<String> templateIns = new java.util.TreeSet<>();
		template("io.firebreak.Postmortem").path("properties").forEach(property -> {
			JsonNode binding = property.path("binding");
			if (binding.path("type").asText().equals("camunda:in")) {
				templateIns.add((binding.path("expression").asBoolean() ? "=" : "") + property.path("value").asText()
						+ " -> " + binding.path("target").asText());
			}
		});
		for (String file : List.of("incident-response", "third-party-degradation")) {
			BpmnModelInstance plan = Bpmn.readModelFromFile(Path.of("processes/" + file + ".bpmn").toFile());
			org.camunda.bpm.model.bpmn.instance.CallActivity call = plan
				.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class).stream()
				.filter(activity -> "io.firebreak.Postmortem".equals(activity.getAttributeValueNs(
						"http://camunda.org/schema/1.0/bpmn", "modelerTemplate")))
				.findFirst().orElseThrow();
			Set<String> planIns = new java.util.TreeSet<>();
			call.getExtensionElements().getElementsQuery()
				.filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class).list()
				.forEach(in -> {
					if (in.getCamundaBusinessKey() != null) {
						assertThat(in.getCamundaBusinessKey()).isEqualTo("#{execution.processBusinessKey}");
					}
					else {
						planIns.add(in.getCamundaSourceExpression() != null
								? "=" + in.getCamundaSourceExpression() + " -> " + in.getCamundaTarget()
								: in.getCamundaSource() + " -> " + in.getCamundaTarget());
					}
				});
			assertThat(call.getCalledElement()).isEqualTo("postmortem");
			assertThat(planIns).as("what %s passes to the postmortem", file).isEqualTo(templateIns);
		}
	}

	// Bean names as Spring gives them: @Component("name"), else the class's simple name decapitalised.
	static Set<String> componentBeanNames() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
		AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
		SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
		Set<String> beans = new java.util.HashSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.firebreak")) {
			beans.add(names.generateBeanName(candidate, registry));
		}
		return beans;
	}

	static JsonNode template(String id) {
		return templates.stream().filter(t -> t.path("id").asText().equals(id)).findFirst().orElseThrow();
	}

	static Map<String, String> valuesOfBinding(String type, String name) {
		Map<String, String> values = new LinkedHashMap<>();
		forEachProperty((where, property) -> {
			JsonNode binding = property.path("binding");
			if (binding.path("type").asText().equals(type) && binding.path("name").asText().equals(name)) {
				values.put(where, property.path("value").asText());
			}
		});
		return values;
	}

	static Set<String> choicesOfInput(String name) {
		Set<String> choices = new java.util.HashSet<>();
		forEachProperty((where, property) -> {
			JsonNode binding = property.path("binding");
			if (binding.path("type").asText().equals("camunda:inputParameter") && binding.path("name").asText().equals(name)) {
				choices.add(property.path("value").asText());
				property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
			}
		});
		return choices;
	}

	static void forEachProperty(java.util.function.BiConsumer<String, JsonNode> action) {
		templates.forEach(template -> template.path("properties")
			.forEach(property -> action.accept(template.path("id").asText(), property)));
	}

	static Set<String> ids(JsonNode list) {
		return StreamSupport.stream(list.spliterator(), false).map(item -> item.path("id").asText())
			.collect(Collectors.toSet());
	}

	static Set<String> union(Set<String> a, Set<String> b) {
		return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
	}
}
