package io.firebreak.status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.notification.CustomerUpdatePublisher;
import io.firebreak.incident.FieldRules;
import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.IncidentNotFound;
import io.firebreak.incident.IncidentRepository;
import io.firebreak.system.InvalidInput;

/**
 * What customers were told about incidents: the only incident text the public status page, its
 * JSON and its feed show. Publishing is the one way in; updates are never changed or deleted,
 * so a feed reader never sees an entry it already read change under the same id.
 */
@Repository
public class CustomerUpdates implements CustomerUpdatePublisher {

	/** The longest message customers get; the column is as wide. */
	public static final int MESSAGE_MAX = 4000;

	private static final String COLUMNS = "id, incident_key, posted_at, message, status, posted_by";

	private final JdbcClient jdbc;
	private final IncidentRepository incidents;

	CustomerUpdates(JdbcClient jdbc, IncidentRepository incidents) {
		this.jdbc = jdbc;
		this.incidents = incidents;
	}

	/**
	 * Publishes {@code message} to customers: from now on the status page, {@code /status.json} and
	 * {@code /status/feed} show it under the incident. This is the call for anyone who posts on the
	 * communications lead's behalf (the update form, the API); who may post is the caller's to check.
	 * <p>
	 * A restricted (security) incident appears publicly from its first published update on; a
	 * drill's updates are kept but never shown, so a drill can practise this step safely.
	 *
	 * @param incidentKey the incident's key, e.g. {@code INC-2026-0042}
	 * @param status      where the response stands, as customers are told (investigating, identified,
	 *                    monitoring, resolved); parse a client's text with {@link CustomerUpdateStatus#of}
	 * @param message     plain text for customers, not blank, at most {@value #MESSAGE_MAX} characters
	 *                    (stripped of surrounding white space); shown escaped, never as HTML
	 * @param postedBy    the user id of who posts it; kept for the record, never shown publicly
	 * @param at          when it was posted (the engine clock's now, normally)
	 * @return the stored update, with the id its feed entry is named by
	 * @throws InvalidInput                    a blank or too long message, a missing status or poster
	 * @throws IncidentNotFound                 there is no incident {@code incidentKey}
	 */
	@Transactional
	public CustomerUpdate publish(String incidentKey, CustomerUpdateStatus status, String message, String postedBy,
			Instant at) {
		String text = FieldRules.required("message", message, MESSAGE_MAX);
		if (status == null) {
			throw new InvalidInput("status",
					"status is required: one of investigating, identified, monitoring, resolved");
		}
		String poster = FieldRules.required("postedBy", postedBy, 64);
		IncidentKey key = incidents.findByKey(incidentKey)
			.orElseThrow(() -> new IncidentNotFound(incidentKey))
			.key();
		Instant postedAt = Objects.requireNonNull(at, "at");
		KeyHolder generated = new GeneratedKeyHolder();
		jdbc.sql("insert into customer_update (incident_key, posted_at, message, status, posted_by) "
				+ "values (?, ?, ?, ?, ?)")
			.params(key.value(), Timestamp.from(postedAt), text, status.name(), poster)
			// name the key column: PostgreSQL would otherwise return every column of the new row
			.update(generated, "id");
		return new CustomerUpdate(generated.getKeyAs(Number.class).longValue(), key, postedAt, text, status, poster);
	}

	/**
	 * The customer part of a notice sent by the plan's Notify audiences step. Nobody named to
	 * speak for the incident yet: posted by Firebreak.
	 */
	@Override
	@Transactional
	public void publish(IncidentKey incident, String status, String message, String postedBy, Instant at) {
		publish(incident.value(), CustomerUpdateStatus.of("customerStatus", status), message,
				postedBy == null ? "firebreak" : postedBy, at);
	}

	/** The incident's updates, oldest first. */
	public List<CustomerUpdate> of(IncidentKey incidentKey) {
		return jdbc.sql("select " + COLUMNS + " from customer_update where incident_key = ? order by posted_at, id")
			.param(incidentKey.value())
			.query(CustomerUpdates::map)
			.list();
	}

	/** The updates of each of the incidents that has any, oldest first. */
	public Map<IncidentKey, List<CustomerUpdate>> of(Collection<IncidentKey> incidentKeys) {
		if (incidentKeys.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select " + COLUMNS + " from customer_update where incident_key in (:keys) "
				+ "order by posted_at, id")
			.param("keys", incidentKeys.stream().map(IncidentKey::value).distinct().toList())
			.query(CustomerUpdates::map)
			// list(), not stream(): a query's stream holds its connection until closed
			.list()
			.stream()
			.collect(Collectors.groupingBy(CustomerUpdate::incidentKey, LinkedHashMap::new, Collectors.toList()));
	}

	private static CustomerUpdate map(ResultSet rs, int row) throws SQLException {
		return new CustomerUpdate(rs.getLong("id"), new IncidentKey(rs.getString("incident_key")),
				rs.getTimestamp("posted_at").toInstant(), rs.getString("message"),
				CustomerUpdateStatus.valueOf(rs.getString("status")), rs.getString("posted_by"));
	}
}
