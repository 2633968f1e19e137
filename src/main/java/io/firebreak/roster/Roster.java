package io.firebreak.roster;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.firebreak.system.InvalidInput;

/**
 * Who is on the response team, which teams own which services, who is on call when, how a page
 * escalates, and who may hold the incident roles. Read from {@code config/roster.yaml} and
 * {@code config/services.yaml}; checked whole when loaded, so a mistake stops start-up (or a
 * reload) with the file, the path and what to fix instead of surfacing during an incident.
 * <p>
 * A reload swaps the whole roster at once ({@link #replaceWith}): readers see the old roster or
 * the new one, never a mix.
 */
public class Roster {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
	// a BPMN process id is an XML name (NCName); Camunda keeps up to 255 characters of it
	private static final Pattern PROCESS_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	// a key is a shared secret; a short one could be guessed
	private static final int MIN_INTEGRATION_KEY_LENGTH = 16;

	/** The files a roster was read from, named in its problems. */
	public record Sources(String roster, String services) {

		public static final Sources DEFAULT = new Sources("config/roster.yaml", "config/services.yaml");
	}

	private record State(Map<String, Person> people, Map<String, Team> teams, Map<String, OwnedService> services,
			String triageService, Map<String, String> plans, Map<Role, List<String>> roles) {
	}

	private volatile State state;
	// bumped by every replaceWith, so that whatever is built from the roster can tell it went stale
	private volatile long revision;

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
		this(people, teams, services, triageService, plans, null, Sources.DEFAULT);
	}

	/**
	 * {@code roles}: roster.yaml's role pools, from a role's variable ({@code commander},
	 * {@code communicationsLead}, {@code scribe}) to the people who may hold it. A role without a
	 * pool may be held by anyone in the group it needs (everyone, for roles that need none).
	 */
	public Roster(List<Person> people, List<Team> teams, List<OwnedService> services, String triageService,
			Map<String, String> plans, Map<String, List<String>> roles, Sources sources) {
		Map<String, Person> peopleById = index(people, Person::id, sources.roster() + ": people");
		Map<String, String> planMap = plans == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(plans));
		List<String> problems = new ArrayList<>();
		Map<Role, List<String>> pools = pools(roles, peopleById, sources, problems);
		State candidate = new State(peopleById, index(teams, Team::id, sources.roster() + ": teams"),
				index(services, OwnedService::id, sources.services() + ": services"), triageService, planMap, pools);
		problems.addAll(new RosterChecks(candidate.people, candidate.teams, candidate.services, sources).problems());
		candidate.plans.forEach((type, plan) -> planProblem(sources.services() + ": plans." + type, plan)
			.ifPresent(problems::add));
		candidate.services.values().forEach(service -> service.plans().forEach((type, plan) -> planProblem(
				sources.services() + ": services[" + service.id() + "].plans." + type, plan).ifPresent(problems::add)));
		if (triageService != null && !candidate.services.containsKey(triageService)) {
			problems.add(sources.services() + ": triageService: '" + triageService + "' is not one of the services");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The roster has mistakes:\n  " + String.join("\n  ", problems));
		}
		this.state = candidate;
	}

	/** Takes on everything {@code newer} holds, at once. */
	public synchronized void replaceWith(Roster newer) {
		this.state = newer.state;
		this.revision++;
	}

	/**
	 * Changes with every {@link #replaceWith}: what caches something built from the roster (select
	 * options, alert routes) keeps the revision it was built from and builds again when it differs.
	 */
	public long revision() {
		return revision;
	}

	private static Map<Role, List<String>> pools(Map<String, List<String>> roles, Map<String, Person> people,
			Sources sources, List<String> problems) {
		Map<Role, List<String>> pools = new LinkedHashMap<>();
		if (roles == null) {
			return pools;
		}
		roles.forEach((name, members) -> {
			String path = sources.roster() + ": roles." + name;
			Optional<Role> role = Role.of(name);
			if (role.isEmpty()) {
				problems.add(path + ": not a role; roles are " + java.util.Arrays.stream(Role.values())
					.map(Role::variable).toList());
				return;
			}
			List<String> pool = members == null ? List.of() : List.copyOf(members);
			if (pool.isEmpty()) {
				problems.add(path + ": names nobody; list the people who may hold the role, or leave it out");
			}
			for (String member : pool) {
				Person person = people.get(member);
				if (person == null) {
					problems.add(path + ": '" + member + "' is not in people");
				}
				else if (role.get().requiredGroup() != null && !person.groups().contains(role.get().requiredGroup().id())) {
					problems.add(path + ": '" + member + "' is not in group " + role.get().requiredGroup().id()
							+ ", so could not work the role's tasks; add the group or take them out of the pool");
				}
			}
			pools.put(role.get(), pool);
		});
		return Collections.unmodifiableMap(pools);
	}

	private static Optional<String> planProblem(String path, String plan) {
		if (plan == null || !PROCESS_ID.matcher(plan).matches()) {
			return Optional.of(path + ": '" + plan + "' is not a process id (the id of a plan's BPMN process: a letter or"
					+ " '_', then letters, digits, '_', '-' or '.')");
		}
		return Optional.empty();
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> id, String path) {
		Map<String, T> byId = new LinkedHashMap<>();
		for (T item : items == null ? List.<T>of() : items) {
			if (id.apply(item) == null) {
				throw new IllegalStateException("The roster has mistakes:\n  " + path + ": an entry has no id; give every one an id");
			}
			if (byId.putIfAbsent(id.apply(item), item) != null) {
				throw new IllegalStateException("The roster has mistakes:\n  " + path + ": '" + id.apply(item)
						+ "' is listed twice; ids must be unique");
			}
		}
		return Collections.unmodifiableMap(byId);
	}

	public List<Person> people() {
		return List.copyOf(state.people.values());
	}

	public List<Team> teams() {
		return List.copyOf(state.teams.values());
	}

	public List<OwnedService> services() {
		return List.copyOf(state.services.values());
	}

	/** services.yaml's top-level plans: incident type (or {@code default}) to process definition key. */
	public Map<String, String> plans() {
		return state.plans;
	}

	/**
	 * The plans services.yaml names for incidents of {@code type} itself, top-level or for a service;
	 * not the defaults they would otherwise run.
	 */
	public Set<String> plansNamedFor(String type) {
		Set<String> named = new TreeSet<>();
		Optional.ofNullable(plans().get(type)).ifPresent(named::add);
		services().forEach(service -> Optional.ofNullable(service.plans().get(type)).ifPresent(named::add));
		return named;
	}

	public Optional<OwnedService> service(String id) {
		return Optional.ofNullable(id).map(state.services::get);
	}

	/** Where alerts go that name no service their integration key covers; empty if not configured. */
	public Optional<OwnedService> triageService() {
		return service(state.triageService);
	}

	public Optional<Person> person(String id) {
		return Optional.ofNullable(id).map(state.people::get);
	}

	public Optional<Team> team(String id) {
		return Optional.ofNullable(id).map(state.teams::get);
	}

	public List<Person> membersOf(RosterGroup group) {
		return state.people.values().stream().filter(person -> person.groups().contains(group.id())).toList();
	}

	/** Who may hold {@code role}: its pool, or without one everyone in the group the role needs. */
	public List<Person> pool(Role role) {
		List<String> pool = state.roles.get(role);
		if (pool != null) {
			return pool.stream().map(state.people::get).toList();
		}
		return role.requiredGroup() == null ? people() : membersOf(role.requiredGroup());
	}

	public boolean mayHold(Role role, String personId) {
		return pool(role).stream().anyMatch(person -> person.id().equals(personId));
	}

	/** The team that owns a service. */
	public Team teamOf(String serviceId) {
		return state.teams.get(state.services.get(requireService("service", serviceId)).team());
	}

	public Team requireTeam(String field, String teamId) {
		return team(teamId).orElseThrow(() -> new InvalidInput(field, field + " must be one of "
				+ String.join(", ", state.teams.keySet()) + " (was '" + teamId + "')"));
	}

	/** Who is on call in each of the team's layers at {@code at}, overrides applied; layers not yet started are left out. */
	public List<Shift> onCallAt(Team team, Instant at) {
		return team.layers().stream().flatMap(layer -> team.shiftAt(layer, at).stream()).toList();
	}

	/** When the team's on-call next changes hands after {@code at} (a hand-off or an override), if ever. */
	public Optional<Instant> nextHandOff(Team team, Instant at) {
		return onCallAt(team, at).stream().map(Shift::until).min(Instant::compareTo);
	}

	/**
	 * The team's escalation as it stands at {@code at}: every step in order, each level of the
	 * policy once per round, and a last step for the commanders unless the policy already ends
	 * with them. Levels that reach nobody at {@code at} (a layer that has not started) are left out.
	 */
	public List<EscalationStep> escalationAt(Team team, Instant at) {
		EscalationPolicy policy = team.policy();
		List<EscalationLevel> levels = policy.levels();
		List<EscalationStep> steps = new ArrayList<>();
		boolean endsWithCommanders = !levels.isEmpty() && levels.get(levels.size() - 1).targetsCommanders();
		for (int round = 1; round <= policy.repeat() + 1; round++) {
			for (int level = 1; level <= levels.size(); level++) {
				EscalationLevel current = levels.get(level - 1);
				List<Person> people = targetOf(team, current, at);
				if (!people.isEmpty()) {
					steps.add(new EscalationStep(steps.size(), round, level, current.target(),
							describe(team, current, at), people, current.timeout().orElse(null), false));
				}
			}
		}
		if (!endsWithCommanders || steps.isEmpty()) {
			EscalationLevel commanders = EscalationLevel.commanders();
			steps.add(new EscalationStep(steps.size(), policy.repeat() + 1, levels.size() + 1, commanders.target(),
					describe(team, commanders, at), targetOf(team, commanders, at), null, false));
		}
		EscalationStep last = steps.remove(steps.size() - 1);
		steps.add(new EscalationStep(last.number(), last.round(), last.level(), last.target(), last.description(),
				last.people(), last.ackTimeout(), true));
		return List.copyOf(steps);
	}

	/** The people of the team's chain in the order they are paged at {@code at}, each once. */
	public List<Person> chainAt(Team team, Instant at) {
		LinkedHashSet<Person> chain = new LinkedHashSet<>();
		escalationAt(team, at).forEach(step -> chain.addAll(step.people()));
		return List.copyOf(chain);
	}

	private List<Person> targetOf(Team team, EscalationLevel level, Instant at) {
		if (level.targetsCommanders()) {
			return pool(Role.COMMANDER);
		}
		if (level.targetsManager()) {
			return person(team.manager()).stream().toList();
		}
		Optional<String> person = level.person();
		if (person.isPresent()) {
			return person(person.get()).stream().toList();
		}
		return level.layer()
			.flatMap(team::layer)
			.flatMap(layer -> team.shiftAt(layer, at))
			.flatMap(shift -> person(shift.person()))
			.stream()
			.toList();
	}

	private String describe(Team team, EscalationLevel level, Instant at) {
		if (level.targetsCommanders()) {
			return "the incident commanders";
		}
		if (level.targetsManager()) {
			return "the manager of " + team.name();
		}
		if (level.person().isPresent()) {
			return person(level.person().get()).map(Person::name).orElse(level.target());
		}
		return level.layer().flatMap(team::layer).map(layer -> layer.displayName() + " on-call of " + team.name())
			.orElse(level.target());
	}

	/** The escalation chain of the team that owns the service at {@code at}, primary first. */
	public List<Person> onCallFor(String serviceId, Instant at) {
		return chainAt(teamOf(serviceId), at);
	}

	public String requireService(String field, String serviceId) {
		if (!state.services.containsKey(serviceId)) {
			throw new InvalidInput(field, field + " must be one of " + state.services.keySet().stream()
				.collect(Collectors.joining(", ")) + " (was '" + serviceId + "')");
		}
		return serviceId;
	}

	public String requirePerson(String field, String personId) {
		if (!state.people.containsKey(personId)) {
			throw new InvalidInput(field, field + " must be the user id of someone on the roster (was '"
					+ personId + "')");
		}
		return personId;
	}

	public String optionalPerson(String field, String personId) {
		return personId == null ? null : requirePerson(field, personId);
	}

	/** The checks a roster must pass, each problem named by its file and path. */
	private record RosterChecks(Map<String, Person> people, Map<String, Team> teams, Map<String, OwnedService> services,
			Sources sources) {

		List<String> problems() {
			List<String> problems = new ArrayList<>();
			people.values().forEach(person -> checkPerson(person, problems));
			teams.values().forEach(team -> checkTeam(team, problems));
			services.values().stream().filter(service -> !teams.containsKey(service.team())).forEach(service -> problems
				.add(sources.services() + ": services[" + service.id() + "].team: '" + service.team()
						+ "' is not a team of " + sources.roster()));
			services.values().forEach(service -> service.integrationKeys().stream()
				.filter(key -> key == null || key.strip().length() < MIN_INTEGRATION_KEY_LENGTH)
				.forEach(key -> problems.add(sources.services() + ": services[" + service.id()
						+ "].integrationKeys: a key is shorter than " + MIN_INTEGRATION_KEY_LENGTH + " characters")));
			return problems;
		}

		private void checkPerson(Person person, List<String> problems) {
			String path = sources.roster() + ": people[" + person.id() + "]";
			if (!ID.matcher(person.id()).matches()) {
				problems.add(path + ".id: must be lower-case letters, digits, '.', '_' or '-'");
			}
			if (person.name() == null || person.name().isBlank()) {
				problems.add(path + ".name: is missing");
			}
			if (person.email() == null || !EMAIL.matcher(person.email()).matches()) {
				problems.add(path + ".email: '" + person.email() + "' is not an address");
			}
			zoneProblem(path + ".timeZone", person.timeZone()).ifPresent(problems::add);
			person.groups().stream().filter(group -> !RosterGroup.ids().contains(group)).forEach(group -> problems
				.add(path + ".groups: '" + group + "' is not one of " + RosterGroup.ids()));
		}

		private void checkTeam(Team team, List<String> problems) {
			String path = sources.roster() + ": teams[" + team.id() + "]";
			zoneProblem(path + ".timeZone", team.timeZone()).ifPresent(problems::add);
			if (team.manager() != null && !people.containsKey(team.manager())) {
				problems.add(path + ".manager: '" + team.manager() + "' is not in people");
			}
			if (team.layers().isEmpty()) {
				problems.add(path + ".layers: the team has no on-call layer; add one with its members");
			}
			Map<String, Layer> layers = new LinkedHashMap<>();
			team.layers().forEach(layer -> {
				if (layers.putIfAbsent(layer.id(), layer) != null) {
					problems.add(path + ".layers[" + layer.id() + "]: the layer is listed twice");
				}
				checkLayer(path + ".layers[" + layer.id() + "]", layer, problems);
			});
			for (int i = 0; i < team.overrides().size(); i++) {
				checkOverride(team, path + ".overrides[" + i + "]", team.overrides().get(i), layers, problems);
			}
			checkOverlaps(team, path, layers, problems);
			checkPolicy(team, path + ".escalation", layers, problems);
		}

		private void checkLayer(String path, Layer layer, List<String> problems) {
			if (layer.members().isEmpty()) {
				problems.add(path + ".members: the rotation has no members; name at least one person");
			}
			layer.members().stream().filter(member -> !people.containsKey(member))
				.forEach(member -> problems.add(path + ".members: '" + member + "' is not in people"));
			if (layer.turnDays() == 0) {
				problems.add(path + ".rotation: '" + layer.rotation() + "' is not daily or weekly");
			}
			try {
				LocalDate.parse(String.valueOf(layer.start()));
			}
			catch (DateTimeException e) {
				problems.add(path + ".start: '" + layer.start() + "' is not a date like 2026-01-05 (the first turn's day)");
			}
			try {
				LocalTime.parse(String.valueOf(layer.handOff()));
			}
			catch (DateTimeException e) {
				problems.add(path + ".handOff: '" + layer.handOff() + "' is not a time of day like \"09:00\"");
			}
			if (layer.timeZone() != null) {
				zoneProblem(path + ".timeZone", layer.timeZone()).ifPresent(problems::add);
			}
		}

		private void checkOverride(Team team, String path, ShiftOverride override, Map<String, Layer> layers,
				List<String> problems) {
			if (!layers.containsKey(override.layer())) {
				problems.add(path + ".layer: '" + override.layer() + "' is not a layer of the team; layers are "
						+ layers.keySet());
			}
			if (!people.containsKey(override.person())) {
				problems.add(path + ".person: '" + override.person() + "' is not in people");
			}
			Optional<ZoneId> zone = zoneOfOverride(team, override, layers);
			if (zone.isEmpty()) {
				return;
			}
			Optional<Instant> from = instant(path + ".from", override.from(), zone.get(), problems);
			Optional<Instant> until = instant(path + ".until", override.until(), zone.get(), problems);
			if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
				problems.add(path + ".until: must be after from (" + override.from() + ")");
			}
		}

		private void checkOverlaps(Team team, String path, Map<String, Layer> layers, List<String> problems) {
			List<ShiftOverride> overrides = team.overrides();
			for (int i = 0; i < overrides.size(); i++) {
				for (int j = i + 1; j < overrides.size(); j++) {
					ShiftOverride a = overrides.get(i);
					ShiftOverride b = overrides.get(j);
					if (a.layer() == null || !a.layer().equals(b.layer())) {
						continue;
					}
					Optional<ZoneId> zone = zoneOfOverride(team, a, layers);
					try {
						if (zone.isPresent() && a.fromIn(zone.get()).isBefore(b.untilIn(zone.get()))
								&& b.fromIn(zone.get()).isBefore(a.untilIn(zone.get()))) {
							problems.add(path + ".overrides[" + j + "]: overlaps overrides[" + i + "] in layer "
									+ a.layer() + "; one person covers a layer at a time, so end one before the other starts");
						}
					}
					catch (DateTimeException alreadyReported) {
						// a date that does not parse is named by checkOverride
					}
				}
			}
		}

		private void checkPolicy(Team team, String path, Map<String, Layer> layers, List<String> problems) {
			EscalationPolicy policy = team.escalation();
			if (policy == null) {
				return;
			}
			if (policy.repeat() < 0 || policy.repeat() > 9) {
				problems.add(path + ".repeat: " + policy.repeat() + " is not between 0 and 9");
			}
			if (policy.levels().isEmpty()) {
				problems.add(path + ".levels: the policy has no levels; leave escalation out to page the layers in order");
			}
			for (int i = 0; i < policy.levels().size(); i++) {
				EscalationLevel level = policy.levels().get(i);
				String levelPath = path + ".levels[" + i + "]";
				if (level.layer().isPresent()) {
					if (!layers.containsKey(level.layer().get())) {
						problems.add(levelPath + ".target: '" + level.layer().get() + "' is not a layer of the team; layers are "
								+ layers.keySet());
					}
				}
				else if (level.person().isPresent()) {
					if (!people.containsKey(level.person().get())) {
						problems.add(levelPath + ".target: '" + level.person().get() + "' is not in people");
					}
				}
				else if (level.targetsManager()) {
					if (team.manager() == null) {
						problems.add(levelPath + ".target: the team has no manager; add manager to the team");
					}
				}
				else if (!level.targetsCommanders()) {
					problems.add(levelPath + ".target: '" + level.target() + "' is not one of layer:<layer id>,"
							+ " person:<person id>, manager or commanders");
				}
				try {
					Duration timeout = level.timeout().orElse(Duration.ofMinutes(1));
					if (timeout.isNegative() || timeout.isZero()) {
						problems.add(levelPath + ".ackTimeout: must be longer than zero");
					}
				}
				catch (DateTimeException e) {
					problems.add(levelPath + ".ackTimeout: '" + level.ackTimeout()
							+ "' is not an ISO-8601 duration like PT10M");
				}
			}
		}

		private static Optional<ZoneId> zoneOfOverride(Team team, ShiftOverride override, Map<String, Layer> layers) {
			try {
				Layer layer = layers.get(override.layer());
				return Optional.of(layer == null ? ZoneId.of(team.timeZone()) : team.zoneOf(layer));
			}
			catch (DateTimeException alreadyReported) {
				return Optional.empty();
			}
		}

		private static Optional<Instant> instant(String path, String text, ZoneId zone, List<String> problems) {
			try {
				return Optional.of(ShiftOverride.instant(text, zone));
			}
			catch (DateTimeException e) {
				problems.add(path + ": '" + text + "' is not a date (2026-12-24), a local date-time (2026-12-24T09:00)"
						+ " or a date-time with an offset");
				return Optional.empty();
			}
		}

		private static Optional<String> zoneProblem(String path, String zone) {
			if (zone == null || zone.isBlank()) {
				return Optional.of(path + ": is missing; name an IANA time zone such as Europe/Berlin or UTC");
			}
			try {
				ZoneId.of(zone);
				return Optional.empty();
			}
			catch (DateTimeException e) {
				return Optional.of(path + ": '" + zone + "' is not a time zone; name an IANA zone such as"
						+ " Europe/Berlin or UTC");
			}
		}
	}
}
