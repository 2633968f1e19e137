package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemRepository.instant;
import static io.firebreak.postmortem.PostmortemRepository.timestamp;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.firebreak.incident.IncidentKey;
import io.firebreak.postmortem.ActionItem.Status;
import io.firebreak.system.InvalidInput;
import io.firebreak.system.NotFound;

/** The action items of every published postmortem: stored once, then only ever closed. */
@Repository
public class ActionItems {

	private static final String COLUMNS = "id, incident_key, position, title, type, owner, due_date, priority, status, "
			+ "outcome_note, closed_by, closed_at, created_at";

	private final JdbcClient jdbc;
	private final Clock clock;

	ActionItems(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Stores new items, open and created now; returns them with their ids, in the same order. */
	public List<ActionItem> insertAll(List<ActionItem> items) {
		Instant now = clock.instant();
		List<ActionItem> stored = new ArrayList<>();
		for (ActionItem item : items) {
			KeyHolder generated = new GeneratedKeyHolder();
			jdbc.sql("insert into action_item (incident_key, position, title, type, owner, due_date, priority, status, "
					+ "created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(item.incidentKey().value(), item.position(), item.title(), item.type().value(), item.owner(),
						Date.valueOf(item.dueDate()), item.priority().value(), Status.OPEN.name(), timestamp(now))
				// name the key column: PostgreSQL would otherwise return every column of the new row
				.update(generated, "id");
			stored.add(new ActionItem(generated.getKeyAs(Number.class).longValue(), item.incidentKey(),
					item.position(), item.title(), item.type(), item.owner(), item.dueDate(), item.priority(),
					Status.OPEN, null, null, null, now));
		}
		return List.copyOf(stored);
	}

	public Optional<ActionItem> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from action_item where id = ?").param(id).query(ActionItems::map).optional();
	}

	/**
	 * Closes an open item as done or won't do; won't do needs a note saying why.
	 *
	 * @throws NotFound    no item {@code id}
	 * @throws InvalidInput still open as an outcome, closed already, or won't do without a note
	 */
	public ActionItem close(long id, Status outcome, String note, String by, Instant at) {
		ActionItem item = find(id).orElseThrow(() -> new NotFound("No action item " + id));
		if (outcome == null || outcome == Status.OPEN) {
			throw new InvalidInput(PostmortemVariables.ACTION_ITEM_OUTCOME, "An action item closes as DONE or WONT_DO");
		}
		String reason = note == null || note.isBlank() ? null : note.strip();
		if (outcome == Status.WONT_DO && reason == null) {
			throw new InvalidInput(PostmortemVariables.ACTION_ITEM_OUTCOME_REASON,
					"Say why action item " + id + " (" + item.title() + ") will not be done");
		}
		if (reason != null && reason.length() > ActionItem.NOTE_MAX) {
			throw new InvalidInput(PostmortemVariables.ACTION_ITEM_OUTCOME_REASON,
					"Keep the note to " + ActionItem.NOTE_MAX + " characters");
		}
		// only an open row changes: a second close, even a concurrent one, finds none
		int closed = jdbc.sql("update action_item set status = ?, outcome_note = ?, closed_by = ?, closed_at = ? "
				+ "where id = ? and status = ?")
			.params(outcome.name(), reason, by, timestamp(at), id, Status.OPEN.name())
			.update();
		if (closed == 0) {
			throw new InvalidInput(PostmortemVariables.ACTION_ITEM_OUTCOME,
					"Action item " + id + " was closed already (" + item.status() + " by " + item.closedBy() + ")");
		}
		return find(id).orElseThrow();
	}

	public List<ActionItem> ofIncident(IncidentKey key) {
		return jdbc.sql("select " + COLUMNS + " from action_item where incident_key = ? order by position")
			.param(key.value())
			.query(ActionItems::map)
			.list();
	}

	/** Every open item, soonest due first. */
	public List<ActionItem> open() {
		return jdbc.sql("select " + COLUMNS + " from action_item where status = 'OPEN' order by due_date, id")
			.query(ActionItems::map)
			.list();
	}

	/** Open items due before {@code today}. */
	public List<ActionItem> overdue(LocalDate today) {
		return jdbc.sql("select " + COLUMNS + " from action_item where status = 'OPEN' and due_date < ? "
				+ "order by due_date, id")
			.param(Date.valueOf(today))
			.query(ActionItems::map)
			.list();
	}

	private static ActionItem map(ResultSet rs, int row) throws SQLException {
		return new ActionItem(rs.getLong("id"), new IncidentKey(rs.getString("incident_key")), rs.getInt("position"),
				rs.getString("title"), ActionItem.Type.valueOf(rs.getString("type").toUpperCase(java.util.Locale.ROOT)),
				rs.getString("owner"), rs.getDate("due_date").toLocalDate(),
				ActionItem.Priority.valueOf(rs.getString("priority").toUpperCase(java.util.Locale.ROOT)),
				Status.valueOf(rs.getString("status")), rs.getString("outcome_note"), rs.getString("closed_by"),
				instant(rs, "closed_at"), instant(rs, "created_at"));
	}
}
