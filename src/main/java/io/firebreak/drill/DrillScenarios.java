package io.firebreak.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Impact;
import io.firebreak.incident.IncidentDeclaration;
import io.firebreak.incident.IncidentType;
import io.firebreak.incident.Urgency;
import io.firebreak.plan.ResponsePlans;
import io.firebreak.roster.OwnedService;
import io.firebreak.roster.Roster;
import io.firebreak.roster.RosterCheck;
import io.firebreak.system.ConfigFile;
import io.firebreak.system.InvalidInput;

/**
 * The drill scenarios of {@code config/scenarios.yaml}, read and checked whole at start-up: a
 * scenario naming a plan that is not deployed or a service the roster does not know stops
 * Firebreak with the file, the path and what to fix, every mistake at once, rather than failing the
 * drill that uses it a month later.
 */
@Component
public class DrillScenarios implements RosterCheck {

	/** The file as written; every field is checked before it becomes a {@link DrillScenario}. */
	record ScenariosFile(List<ScenarioEntry> scenarios) {
	}

	record ScenarioEntry(String id, String title, String summary, String plan, String service, String impact,
			String urgency, String type, List<String> alerts, List<InjectEntry> injects, TargetsEntry targets,
			Boolean scheduled) {
	}

	record InjectEntry(String at, String text, List<String> alerts) {
	}

	record TargetsEntry(String acknowledge, String contain, String mitigate) {
	}

	static final int INJECT_TEXT_MAX = 2000;

	private static final String SERVICES_FILE = "config/services.yaml";

	private final Map<String, DrillScenario> scenarios;
	private final String fileName;

	@Autowired
	DrillScenarios(@Value("${firebreak.drills.scenarios}") String locations, ResourceLoader resources,
			ResponsePlans responsePlans, Roster roster) {
		this(ConfigFile.firstExisting(locations, resources).orElseThrow(
				() -> new ScenariosUnreadable("none of " + locations + " exists; point firebreak.drills.scenarios at it")),
				Set.copyOf(responsePlans.keys()), roster);
	}

	/** {@code deployedPlans}: the response plans deployed now, the only plans a drill can run. */
	DrillScenarios(ConfigFile file, Set<String> deployedPlans, Roster roster) {
		this.fileName = file.name();
		this.scenarios = check(file.name(), file.read(ScenariosFile.class, ScenariosUnreadable::new),
				new TreeSet<>(deployedPlans), roster);
	}

	/** A roster reload may not drop a service a scenario drills: the drill would fail when it starts. */
	@Override
	public List<String> problems(Roster candidate) {
		return scenarios.values().stream()
			.filter(scenario -> candidate.service(scenario.service()).isEmpty())
			.map(scenario -> fileName + ": scenarios[" + scenario.id() + "].service: '" + scenario.service()
					+ "' would no longer be a service of " + SERVICES_FILE + "; keep the service, or remove the"
					+ " scenario and restart first")
			.toList();
	}

	public List<DrillScenario> all() {
		return List.copyOf(scenarios.values());
	}

	public Optional<DrillScenario> find(String id) {
		return Optional.ofNullable(id).map(scenarios::get);
	}

	/** The scenario {@code id}, or a 400 that lists the scenarios there are. */
	public DrillScenario require(String field, String id) {
		if (id == null || id.isBlank()) {
			throw new InvalidInput(field, field + " is required: name a scenario of config/scenarios.yaml ("
					+ String.join(", ", scenarios.keySet()) + ")");
		}
		return find(id).orElseThrow(() -> new InvalidInput(field, "'" + id + "' is no drill scenario; the scenarios are "
				+ String.join(", ", scenarios.keySet())));
	}

	/**
	 * The scheduled scenario whose last drill is the oldest (never drilled first, then in file order),
	 * so that a monthly drill works through every scenario in turn.
	 */
	public Optional<DrillScenario> nextInRotation(Map<String, Instant> lastDrilled) {
		return scenarios.values().stream().filter(DrillScenario::scheduled).min(Comparator.comparing(
				(DrillScenario scenario) -> lastDrilled.getOrDefault(scenario.id(), Instant.MIN)));
	}

	private static Map<String, DrillScenario> check(String file, ScenariosFile content, Set<String> deployedPlans,
			Roster roster) {
		if (content.scenarios() == null || content.scenarios().isEmpty()) {
			throw new ScenariosUnreadable(file + ": scenarios: list at least one scenario");
		}
		List<String> mistakes = new ArrayList<>();
		Map<String, DrillScenario> checked = new LinkedHashMap<>();
		for (int index = 0; index < content.scenarios().size(); index++) {
			ScenarioEntry entry = content.scenarios().get(index);
			String path = file + ": scenarios[" + (entry == null || blank(entry.id()) ? index : entry.id()) + "]";
			if (entry == null) {
				mistakes.add(path + ": is empty");
				continue;
			}
			Mistakes at = new Mistakes(path, mistakes);
			if (blank(entry.id())) {
				at.add("id", "is required: a short name to start the drill by, e.g. checkout-database-failover");
			}
			else if (!entry.id().matches("[a-z0-9][a-z0-9-]{0,62}")) {
				at.add("id", "'" + entry.id() + "' must be lower-case letters, digits and hyphens (at most 63)");
			}
			else if (checked.containsKey(entry.id())) {
				at.add("id", "'" + entry.id() + "' names two scenarios; give each its own id");
			}
			DrillScenario scenario = scenario(entry, at, deployedPlans, roster);
			if (scenario != null && !blank(entry.id())) {
				checked.putIfAbsent(entry.id(), scenario);
			}
		}
		if (!mistakes.isEmpty()) {
			throw new ScenariosUnreadable(String.join("\n", mistakes));
		}
		return checked;
	}

	/**
	 * A security plan is need-to-know in Camunda: a drill of a security incident runs one, so that it is
	 * drilled as it would be kept, and a drill of an operational incident never does, or its
	 * responders could not see it.
	 */
	private static Optional<String> needToKnowProblem(String plan, String type, Roster roster) {
		String security = IncidentType.SECURITY.value();
		Set<String> securityPlans = roster.plansNamedFor(security);
		if (blank(plan) || securityPlans.isEmpty() || type == null) {
			return Optional.empty();
		}
		boolean securityDrill = security.equals(type);
		if (securityDrill && !securityPlans.contains(plan)) {
			return Optional.of("'" + plan + "' runs operational incidents; a drill of a security incident runs a plan"
					+ " for security incidents (" + String.join(", ", securityPlans) + "), kept need-to-know as the real one");
		}
		if (!securityDrill && securityPlans.contains(plan)) {
			return Optional.of("'" + plan + "' is the need-to-know plan for security incidents; give the scenario"
					+ " type: security, or name an everyday plan");
		}
		return Optional.empty();
	}

	private static DrillScenario scenario(ScenarioEntry entry, Mistakes at, Set<String> deployedPlans, Roster roster) {
		int before = at.count();
		if (blank(entry.title())) {
			at.add("title", "is required");
		}
		else if (entry.title().length() > IncidentDeclaration.TITLE_MAX) {
			at.add("title", "is longer than " + IncidentDeclaration.TITLE_MAX + " characters");
		}
		if (entry.summary() != null && entry.summary().length() > IncidentDeclaration.SUMMARY_MAX) {
			at.add("summary", "is longer than " + IncidentDeclaration.SUMMARY_MAX + " characters");
		}
		if (blank(entry.plan())) {
			at.add("plan", "is required: name a deployed response plan (" + String.join(", ", deployedPlans) + ")");
		}
		else if (!deployedPlans.contains(entry.plan())) {
			at.add("plan", "'" + entry.plan() + "' is not a deployed response plan; response plans are "
					+ String.join(", ", deployedPlans));
		}
		Optional<OwnedService> service = blank(entry.service()) ? Optional.empty() : roster.service(entry.service());
		if (blank(entry.service())) {
			at.add("service", "is required: name a service of " + SERVICES_FILE);
		}
		else if (service.isEmpty()) {
			at.add("service", "'" + entry.service() + "' is not a service of " + SERVICES_FILE);
		}
		at.check("impact", () -> Impact.of(entry.impact()));
		at.check("urgency", () -> Urgency.of(entry.urgency()));
		String type = entry.type() != null ? entry.type() : service.map(OwnedService::incidentType).orElse(null);
		at.check("type", () -> IncidentType.of(type));
		needToKnowProblem(entry.plan(), type, roster).ifPresent(problem -> at.add("plan", problem));
		List<String> alerts = alerts(entry.alerts(), "alerts", at);
		List<DrillScenario.Inject> injects = new ArrayList<>();
		List<InjectEntry> injectEntries = entry.injects() == null ? List.of() : entry.injects();
		for (int i = 0; i < injectEntries.size(); i++) {
			InjectEntry inject = injectEntries.get(i);
			String path = "injects[" + i + "]";
			if (inject == null) {
				at.add(path, "is empty");
				continue;
			}
			Duration when = duration(inject.at(), path + ".at", at, true);
			if (blank(inject.text())) {
				at.add(path + ".text", "is required: what the responders are told happens");
			}
			else if (inject.text().length() > INJECT_TEXT_MAX) {
				at.add(path + ".text", "is longer than " + INJECT_TEXT_MAX + " characters");
			}
			injects.add(new DrillScenario.Inject(when, inject.text(), alerts(inject.alerts(), path + ".alerts", at)));
		}
		TargetsEntry targets = entry.targets();
		DrillScenario.Targets checkedTargets = null;
		if (targets == null) {
			at.add("targets", "are required: acknowledge, contain and mitigate, each an ISO-8601 duration such as PT30M");
		}
		else {
			Duration acknowledge = duration(targets.acknowledge(), "targets.acknowledge", at, false);
			Duration contain = duration(targets.contain(), "targets.contain", at, false);
			Duration mitigate = duration(targets.mitigate(), "targets.mitigate", at, false);
			checkedTargets = new DrillScenario.Targets(acknowledge, contain, mitigate);
		}
		if (at.count() > before) {
			return null;
		}
		injects.sort(Comparator.comparing(DrillScenario.Inject::at));
		return new DrillScenario(entry.id(), entry.title().strip(), entry.summary(), entry.plan(), entry.service(),
				entry.impact(), entry.urgency(), IncidentType.of(type).value(), alerts, List.copyOf(injects),
				checkedTargets, !Boolean.FALSE.equals(entry.scheduled()));
	}

	private static List<String> alerts(List<String> alerts, String path, Mistakes at) {
		List<String> checked = alerts == null ? List.of() : alerts;
		for (int i = 0; i < checked.size(); i++) {
			if (blank(checked.get(i))) {
				at.add(path + "[" + i + "]", "is empty: describe the alert, e.g. 'HighErrorRate: 5xx above 5%'");
			}
			else if (checked.get(i).length() > 1000) {
				at.add(path + "[" + i + "]", "is longer than 1000 characters");
			}
		}
		return List.copyOf(checked.stream().filter(alert -> !blank(alert)).toList());
	}

	private static Duration duration(String value, String path, Mistakes at, boolean zeroAllowed) {
		if (blank(value)) {
			at.add(path, "is required: an ISO-8601 duration such as PT10M");
			return null;
		}
		try {
			Duration duration = Duration.parse(value);
			if (duration.isNegative() || (!zeroAllowed && duration.isZero())) {
				at.add(path, "'" + value + "' must be " + (zeroAllowed ? "zero or more" : "more than zero"));
			}
			return duration;
		}
		catch (DateTimeParseException e) {
			at.add(path, "'" + value + "' is not an ISO-8601 duration; write e.g. PT10M for 10 minutes, PT1H30M, P1D");
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** The mistakes of one scenario, each "file: scenarios[id].field: what to fix". */
	private record Mistakes(String path, List<String> all) {

		void add(String field, String what) {
			all.add(path + "." + field + ": " + what);
		}

		int count() {
			return (int) all.stream().filter(mistake -> mistake.startsWith(path + ".")).count();
		}

		void check(String field, Runnable rule) {
			try {
				rule.run();
			}
			catch (InvalidInput invalid) {
				add(field, invalid.getMessage());
			}
		}
	}
}
