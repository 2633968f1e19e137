package io.firebreak.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.firebreak.roster.OwnedService;
import io.firebreak.roster.Roster;
import io.firebreak.roster.RosterCheck;

/**
 * Which plan (process definition key) an incident runs, chosen by config/services.yaml from its
 * service and type, so that a second plan is a configuration change. The most specific entry wins:
 * the service's plan for the type, the plan for the type, the service's default, the default.
 * A type-specific plan (security) thereby outranks a service's default: a service that changes its
 * everyday plan does not take security incidents out of the security plan by accident.
 */
@Component
public class PlanSelection implements RosterCheck {

	static final String DEFAULT = "default";

	private final Roster roster;

	PlanSelection(Roster roster) {
		this.roster = roster;
		List<String> problems = problems(roster);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("config/services.yaml chooses plans wrongly:\n  " + String.join("\n  ", problems));
		}
	}

	/** Checked at start-up and by every reload; the plans themselves are read from the roster at each use. */
	@Override
	public List<String> problems(Roster candidate) {
		List<String> problems = new ArrayList<>();
		typeProblems("plans", candidate.plans()).forEach(problems::add);
		candidate.services()
			.forEach(service -> typeProblems("services[" + service.id() + "].plans", service.plans())
				.forEach(problems::add));
		problems.addAll(needToKnowProblems(candidate));
		return problems;
	}

	/**
	 * A plan named for security incidents is kept need-to-know in Camunda (io.firebreak.roster.AccessPolicy
	 * grants it to the security team only), so it cannot run other incidents too: their responders
	 * would lose sight of them, or the security incidents would be shown to everyone.
	 */
	private static List<String> needToKnowProblems(Roster candidate) {
		String security = IncidentType.SECURITY.value();
		Map<String, String> named = new java.util.LinkedHashMap<>();
		Optional.ofNullable(candidate.plans().get(security)).ifPresent(plan -> named.put(plan, "plans." + security));
		candidate.services().forEach(service -> Optional.ofNullable(service.plans().get(security))
			.ifPresent(plan -> named.putIfAbsent(plan, "services[" + service.id() + "].plans." + security)));
		Set<String> everyday = new LinkedHashSet<>();
		everyday.add(first(candidate.plans().get(IncidentType.OPERATIONAL.value()), candidate.plans().get(DEFAULT))
			.orElse(IncidentResponseVariables.PROCESS_ID));
		candidate.services().forEach(service -> everyday.add(planFor(candidate, service.id(), IncidentType.OPERATIONAL)));
		return named.entrySet().stream()
			.filter(plan -> everyday.contains(plan.getKey()))
			.map(plan -> plan.getValue() + ": '" + plan.getKey() + "' runs operational incidents too; security incidents"
					+ " need a plan of their own, kept need-to-know (e.g. security-incident)")
			.toList();
	}

	private static List<String> typeProblems(String path, Map<String, String> plans) {
		return plans.keySet().stream()
			.filter(type -> !DEFAULT.equals(type) && Arrays.stream(IncidentType.values()).noneMatch(t -> t.value().equals(type)))
			.map(type -> path + "." + type + ": '" + type + "' is not an incident type; use " + DEFAULT + " or one of "
					+ Arrays.stream(IncidentType.values()).map(IncidentType::value).toList())
			.toList();
	}

	/** The key of the plan that a {@code type} incident on {@code serviceId} runs. */
	public String planFor(String serviceId, IncidentType type) {
		return planFor(roster, serviceId, type);
	}

	private static String planFor(Roster roster, String serviceId, IncidentType type) {
		Map<String, String> service = roster.service(serviceId).map(OwnedService::plans).orElse(Map.of());
		Map<String, String> plans = roster.plans();
		return first(service.get(type.value()), plans.get(type.value()), service.get(DEFAULT), plans.get(DEFAULT))
			.orElse(IncidentResponseVariables.PROCESS_ID);
	}

	/** Every plan the configuration can choose, e.g. to grant roles on them or check they are deployed. */
	public Set<String> configuredPlans() {
		Set<String> keys = new LinkedHashSet<>();
		Map<String, String> plans = roster.plans();
		keys.add(plans.getOrDefault(DEFAULT, IncidentResponseVariables.PROCESS_ID));
		keys.addAll(plans.values());
		roster.services().forEach(service -> keys.addAll(service.plans().values()));
		return keys;
	}

	/**
	 * Every plan a security incident can run: on any service, or on one services.yaml does not know.
	 * These keep their history longer (io.firebreak.retention.RetentionPolicy).
	 */
	public Set<String> securityPlans() {
		Set<String> keys = new LinkedHashSet<>();
		Map<String, String> plans = roster.plans();
		String security = IncidentType.SECURITY.value();
		keys.add(first(plans.get(security), plans.get(DEFAULT)).orElse(IncidentResponseVariables.PROCESS_ID));
		roster.services().forEach(service -> keys.add(planFor(service.id(), IncidentType.SECURITY)));
		return keys;
	}

	private static Optional<String> first(String... candidates) {
		return Arrays.stream(candidates).filter(candidate -> candidate != null).findFirst();
	}
}
