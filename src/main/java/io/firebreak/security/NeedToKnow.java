package io.firebreak.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.firebreak.incident.Incident;
import io.firebreak.incident.IncidentNotFound;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.incident.IncidentType;

/**
 * Need-to-know for security incidents on Firebreak's own pages and APIs: whoever may not see one
 * must not learn that it exists. A single-incident page answers as for an unknown key, and a list,
 * export or feed leaves it out. The rule itself is {@link Viewer#maySee}; this applies it for the
 * signed-in person of a request. Background work (delegates, jobs, mails) has no viewer and is not
 * judged here: it works for the plan, not for a person.
 */
@Component
public class NeedToKnow {

	private final IncidentRepository incidents;

	NeedToKnow(IncidentRepository incidents) {
		this.incidents = incidents;
	}

	public boolean maySee(Incident incident, Authentication signedIn) {
		return Viewer.of(signedIn).maySee(incident);
	}

	/**
	 * The incident {@code key} names, as the signed-in person may see it.
	 *
	 * @throws IncidentNotFound for a hidden incident exactly as for an unknown or malformed key, so
	 *                          the answer tells nothing of whether it exists
	 */
	public Incident find(String key, Authentication signedIn) {
		return incidents.findByKey(key)
			.filter(incident -> maySee(incident, signedIn))
			.orElseThrow(() -> new IncidentNotFound(key));
	}

	/**
	 * Whether {@code incidentKey} names an incident the signed-in person may not see: for a page about
	 * something of one incident (its drill card, its postmortem) to answer as if there were none.
	 */
	public boolean hides(String incidentKey, Authentication signedIn) {
		return incidents.findByKey(incidentKey).filter(incident -> !maySee(incident, signedIn)).isPresent();
	}

	/** {@code all} without what the signed-in person may not see, in the same order. */
	public List<Incident> visible(Collection<Incident> all, Authentication signedIn) {
		Viewer viewer = Viewer.of(signedIn);
		return all.stream().filter(viewer::maySee).toList();
	}

	/**
	 * {@code rows} about incidents (notifications, action items, audit lines...) without those about
	 * an incident the signed-in person may not see, in the same order. {@code incidentKeyOf} gives a
	 * row's incident key; a row about no incident stays.
	 */
	public <T> List<T> only(Collection<T> rows, Function<? super T, String> incidentKeyOf, Authentication signedIn) {
		return clearance(signedIn).only(rows, incidentKeyOf);
	}

	/**
	 * Which incident keys the signed-in person may see, for rows that carry only a key. Take it
	 * after reading the rows it judges: it knows the incidents declared until it is taken, so a row
	 * read later may name a security incident it has not heard of.
	 */
	public Clearance clearance(Authentication signedIn) {
		Viewer viewer = Viewer.of(signedIn);
		if (viewer.cleared()) {
			return Clearance.EVERYTHING;
		}
		return new Clearance(incidents.findOfType(IncidentType.SECURITY).stream()
			.filter(incident -> !viewer.maySee(incident))
			.map(incident -> incident.key().value())
			.collect(Collectors.toUnmodifiableSet()));
	}

	/** The incident keys withheld from one viewer. */
	public record Clearance(Set<String> withheld) {

		static final Clearance EVERYTHING = new Clearance(Set.of());

		public Clearance {
			withheld = Set.copyOf(withheld);
		}

		/** Whether the viewer may know of the incident {@code incidentKey}; null (about no incident) may be known. */
		public boolean covers(String incidentKey) {
			return incidentKey == null || !withheld.contains(incidentKey);
		}

		public <T> List<T> only(Collection<T> rows, Function<? super T, String> incidentKeyOf) {
			return rows.stream().filter(row -> covers(incidentKeyOf.apply(row))).toList();
		}
	}
}
