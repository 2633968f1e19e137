package io.firebreak.roster;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A team: its layers of on-call rotations, the overrides (swaps, holidays) that replace someone's
 * turn, its escalation policy, and its manager. {@code timeZone} is where hand-off times and
 * override dates are read unless a layer names its own.
 */
public record Team(String id, String name, String manager, String timeZone, List<Layer> layers,
		List<ShiftOverride> overrides, EscalationPolicy escalation) {

	static final String FIXED_ROTATION_START = "2000-01-03";

	@JsonCreator
	public Team {
		layers = layers == null ? List.of() : List.copyOf(layers);
		overrides = overrides == null ? List.of() : List.copyOf(overrides);
		timeZone = timeZone == null ? "UTC" : timeZone;
	}

	/**
	 * A team whose chain never rotates: the first person is always primary, the next secondary and
	 * so on, paged in that order.
	 */
	public Team(String id, String name, List<String> chain) {
		this(id, name, null, "UTC", IntStream.range(0, chain.size())
			.mapToObj(i -> new Layer("level-" + (i + 1), null, "weekly", FIXED_ROTATION_START, "00:00", null,
					List.of(chain.get(i))))
			.toList(), null, null);
	}

	/** The policy as written, or one level per layer in order, run once. */
	public EscalationPolicy policy() {
		if (escalation != null && !escalation.levels().isEmpty()) {
			return escalation;
		}
		return new EscalationPolicy(0,
				layers.stream().map(layer -> new EscalationLevel(EscalationLevel.LAYER + layer.id(), null)).toList());
	}

	public Optional<Layer> layer(String layerId) {
		return layers.stream().filter(layer -> layer.id().equals(layerId)).findFirst();
	}

	ZoneId zoneOf(Layer layer) {
		return ZoneId.of(layer.timeZone() == null ? timeZone : layer.timeZone());
	}

	/** Who is on call in a layer at {@code at}, overrides applied. */
	public Optional<Shift> shiftAt(Layer layer, Instant at) {
		ZoneId zone = zoneOf(layer);
		Optional<ShiftOverride> override = overridesOf(layer).stream()
			.filter(o -> !at.isBefore(o.fromIn(zone)) && at.isBefore(o.untilIn(zone)))
			.findFirst();
		if (override.isPresent()) {
			ShiftOverride o = override.get();
			return Optional.of(new Shift(id, layer.id(), o.person(), o.fromIn(zone), o.untilIn(zone), o.describe()));
		}
		return layer.turnAt(id, at, zone).map(turn -> {
			// an override that starts during this turn ends it early; one that ended during it starts it late
			Instant from = turn.from();
			Instant until = turn.until();
			for (ShiftOverride o : overridesOf(layer)) {
				Instant oFrom = o.fromIn(zone);
				Instant oUntil = o.untilIn(zone);
				if (oFrom.isAfter(at) && oFrom.isBefore(until)) {
					until = oFrom;
				}
				if (!oUntil.isAfter(at) && oUntil.isAfter(from)) {
					from = oUntil;
				}
			}
			return turn.between(from, until);
		});
	}

	/** Every shift of every layer that overlaps {@code from}..{@code until}, overrides applied, by start. */
	public List<Shift> shiftsBetween(Instant from, Instant until) {
		List<Shift> shifts = new ArrayList<>();
		for (Layer layer : layers) {
			ZoneId zone = zoneOf(layer);
			List<ShiftOverride> overrides = overridesOf(layer);
			for (Shift turn : layer.turnsBetween(id, from, until, zone)) {
				shifts.addAll(withoutOverrides(turn, overrides, zone));
			}
			overrides.stream()
				.filter(o -> o.fromIn(zone).isBefore(until) && o.untilIn(zone).isAfter(from))
				.forEach(o -> shifts.add(new Shift(id, layer.id(), o.person(), o.fromIn(zone), o.untilIn(zone),
						o.describe())));
		}
		shifts.sort(Comparator.comparing(Shift::from).thenComparing(Shift::layer));
		return shifts;
	}

	private static List<Shift> withoutOverrides(Shift turn, List<ShiftOverride> overrides, ZoneId zone) {
		List<Shift> pieces = new ArrayList<>(List.of(turn));
		for (ShiftOverride o : overrides) {
			Instant oFrom = o.fromIn(zone);
			Instant oUntil = o.untilIn(zone);
			List<Shift> cut = new ArrayList<>();
			for (Shift piece : pieces) {
				if (!oFrom.isBefore(piece.until()) || !oUntil.isAfter(piece.from())) {
					cut.add(piece);
					continue;
				}
				if (oFrom.isAfter(piece.from())) {
					cut.add(piece.between(piece.from(), oFrom));
				}
				if (oUntil.isBefore(piece.until())) {
					cut.add(piece.between(oUntil, piece.until()));
				}
			}
			pieces = cut;
		}
		return pieces;
	}

	private List<ShiftOverride> overridesOf(Layer layer) {
		return overrides.stream().filter(o -> layer.id().equals(o.layer())).toList();
	}
}
