package io.firebreak.roster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.firebreak.system.InvalidInput;

/**
 * Who is on the response team, which teams own which services, and who is on call. Read from
 * {@code config/roster.yaml} and {@code config/services.yaml}; checked whole when loaded, so a
 * mistake stops start-up with a message instead of surfacing during an incident.
 */
public class Roster {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
	// a BPMN process id is an XML name (NCName); Camunda keeps up to 255 characters of it
	private static final Pattern PROCESS_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	// a key is a shared secret; a short one could be guessed
	private static final int MIN_INTEGRATION_KEY_LENGTH = 16;

	private final Map<String, Person> people;
	private final Map<String, Team> teams;
	private final Map<String, OwnedService> services;
	private final String triageService;
	private final Map<String, String> plans;

	public Roster(List<Person> people, List<Team> teams, List<OwnedService> services) {
		this(people, teams, services, null);
	}

	/** {@code triageService}: the service alerts naming no known service are declared against. */
	public Roster(List<Person> people, List<Team> teams, List<OwnedService> services, String triageService) {
		this(people, teams, services, triageService, null);
	}

	/**
	 * {@code plans}: services.yaml's top-level map from incident type (or {@code default}) to the
	 * key of the process definition that incidents of that type run; see PlanSelection.
	 */
	public Roster(List<Person> people, List<Team> teams, List<OwnedService> services, String triageService,
			Map<String, String> plans) {
		this.plans = plans == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(plans));
		this.people = index(people, Person::id);
		this.teams = index(teams, Team::id);
		this.services = index(services, OwnedService::id);
		this.triageService = triageService;
		List<String> problems = problems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The roster has mistakes:\n  " + String.join("\n  ", problems));
		}
	}

	private List<String> problems() {
		List<String> problems = new ArrayList<>();
		people.values().forEach(person -> {
			if (!ID.matcher(person.id()).matches()) {
				problems.add("person '" + person.id() + "': id must be lower-case letters, digits, '.', '_' or '-'");
			}
			if (person.name() == null || person.name().isBlank()) {
				problems.add("person '" + person.id() + "': name is missing");
			}
			if (person.email() == null || !EMAIL.matcher(person.email()).matches()) {
				problems.add("person '" + person.id() + "': email '" + person.email() + "' is not an address");
			}
			person.groups().stream().filter(group -> !RosterGroup.ids().contains(group)).forEach(group -> problems
				.add("person '" + person.id() + "': group '" + group + "' is not one of " + RosterGroup.ids()));
		});
		teams.values().forEach(team -> {
			if (team.onCall().isEmpty()) {
				problems.add("team '" + team.id() + "': onCall names nobody");
			}
			team.onCall().stream().filter(id -> !people.containsKey(id)).forEach(id -> problems
				.add("team '" + team.id() + "': onCall names '" + id + "', who is not in the roster"));
		});
		services.values().stream().filter(service -> !teams.containsKey(service.team())).forEach(service -> problems
			.add("service '" + service.id() + "': team '" + service.team() + "' is not in the roster"));
		services.values().forEach(service -> service.integrationKeys().stream()
			.filter(key -> key == null || key.strip().length() < MIN_INTEGRATION_KEY_LENGTH)
			.forEach(key -> problems.add("service '" + service.id() + "': an integration key is shorter than "
					+ MIN_INTEGRATION_KEY_LENGTH + " characters")));
		plans.forEach((type, plan) -> planProblem("plans." + type, plan).ifPresent(problems::add));
		services.values().forEach(service -> service.plans().forEach((type, plan) -> planProblem(
				"services[" + service.id() + "].plans." + type, plan).ifPresent(problems::add)));
		if (triageService != null && !services.containsKey(triageService)) {
			problems.add("triageService '" + triageService + "' is not one of the services");
		}
		return problems;
	}

	private static Optional<String> planProblem(String path, String plan) {
		if (plan == null || !PROCESS_ID.matcher(plan).matches()) {
			return Optional.of(path + ": '" + plan + "' is not a process id (the id of a plan's BPMN process: a letter or"
					+ " '_', then letters, digits, '_', '-' or '.')");
		}
		return Optional.empty();
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
		Map<String, T> byId = new LinkedHashMap<>();
		for (T item : items == null ? List.<T>of() : items) {
			if (id.apply(item) == null || byId.putIfAbsent(id.apply(item), item) != null) {
				throw new IllegalStateException("The roster lists '" + id.apply(item) + "' twice or without an id");
			}
		}
		return byId;
	}

	public List<Person> people() {
		return List.copyOf(people.values());
	}

	public List<Team> teams() {
		return List.copyOf(teams.values());
	}

	public List<OwnedService> services() {
		return List.copyOf(services.values());
	}

	/** services.yaml's top-level plans: incident type (or {@code default}) to process definition key. */
	public Map<String, String> plans() {
		return plans;
	}

	public Optional<OwnedService> service(String id) {
		return Optional.ofNullable(id).map(services::get);
	}

	/** Where alerts go that name no service their integration key covers; empty if not configured. */
	public Optional<OwnedService> triageService() {
		return service(triageService);
	}

	public Optional<Person> person(String id) {
		return Optional.ofNullable(id).map(people::get);
	}

	public Optional<Team> team(String id) {
		return Optional.ofNullable(id).map(teams::get);
	}

	public List<Person> membersOf(RosterGroup group) {
		return people.values().stream().filter(person -> person.groups().contains(group.id())).toList();
	}

	/** The escalation chain of the team that owns the service, primary first. */
	public List<Person> onCallFor(String serviceId) {
		OwnedService service = services.get(requireService("service", serviceId));
		return teams.get(service.team()).onCall().stream().map(people::get).toList();
	}

	/** The escalation chain of a team, primary first. */
	public List<Person> onCallOfTeam(String teamId) {
		Team team = team(teamId).orElseThrow(() -> new InvalidInput("team", "team must be one of "
				+ String.join(", ", teams.keySet()) + " (was '" + teamId + "')"));
		return team.onCall().stream().map(people::get).toList();
	}

	public String requireService(String field, String serviceId) {
		if (!services.containsKey(serviceId)) {
			throw new InvalidInput(field, field + " must be one of " + services.keySet().stream()
				.collect(Collectors.joining(", ")) + " (was '" + serviceId + "')");
		}
		return serviceId;
	}

	public String requirePerson(String field, String personId) {
		if (!people.containsKey(personId)) {
			throw new InvalidInput(field, field + " must be the user id of someone on the roster (was '"
					+ personId + "')");
		}
		return personId;
	}

	public String optionalPerson(String field, String personId) {
		return personId == null ? null : requirePerson(field, personId);
	}
}
