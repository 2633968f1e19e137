package io.firebreak.roster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A team's on-call at one moment, as {@code GET /api/oncall} answers it and the roster page shows
 * it: who holds each layer (and why, for an override), when the next hand-off is, and how a page
 * escalates. {@code primary} and {@code escalationChain} are the answer's original fields, kept for
 * the clients that read them: the first person paged, then everyone paged in order, each once.
 */
record OnCall(String team, Instant at, PersonRef primary, List<PersonRef> escalationChain, List<LayerOnCall> onCall,
		Instant nextHandOff, List<Step> escalation) {

	record PersonRef(String id, String name, String email) {

		static PersonRef of(Person person) {
			return new PersonRef(person.id(), person.name(), person.email());
		}
	}

	record Contact(String id, String name, String email, String chat, String timeZone) {

		static Contact of(Person person) {
			return new Contact(person.id(), person.name(), person.email(), person.chat(), person.timeZone());
		}
	}

	record LayerRef(String id, String name) {
	}

	/** {@code override}: the reason an override put this person here, null for the rotation's own turn. */
	record LayerOnCall(LayerRef layer, Contact person, Instant from, Instant until, String override) {
	}

	/** {@code ackTimeout}: an ISO-8601 duration, or null when the incident's severity decides. */
	record Step(int number, int round, int level, String target, String description, List<Contact> people,
			String ackTimeout, boolean last) {

		/** For people: "15 min"; null when the severity decides. */
		public String readableTimeout() {
			return readable(ackTimeout);
		}
	}

	static OnCall of(Roster roster, Team team, Instant at) {
		List<PersonRef> chain = roster.chainAt(team, at).stream().map(PersonRef::of).toList();
		List<LayerOnCall> layers = roster.onCallAt(team, at).stream()
			.map(shift -> new LayerOnCall(
					new LayerRef(shift.layer(), team.layer(shift.layer()).map(Layer::displayName).orElse(shift.layer())),
					roster.person(shift.person()).map(Contact::of).orElseThrow(), shift.from(), shift.until(),
					shift.reason()))
			.toList();
		List<Step> steps = roster.escalationAt(team, at).stream()
			.map(step -> new Step(step.number(), step.round(), step.level(), step.target(), step.description(),
					step.people().stream().map(Contact::of).toList(),
					step.ackTimeout() == null ? null : step.ackTimeout().toString(), step.last()))
			.toList();
		return new OnCall(team.id(), at, chain.isEmpty() ? null : chain.get(0), chain, layers,
				roster.nextHandOff(team, at).orElse(null), steps);
	}

	/** The step's timeout for people to read: "15 min", or the severity's. */
	static String readable(String ackTimeout) {
		if (ackTimeout == null) {
			return null;
		}
		Duration timeout = Duration.parse(ackTimeout);
		return timeout.toMinutes() > 0 && timeout.toSecondsPart() == 0 ? timeout.toMinutes() + " min"
				: timeout.toSeconds() + " s";
	}
}
