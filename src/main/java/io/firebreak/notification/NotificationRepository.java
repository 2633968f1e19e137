package io.firebreak.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class NotificationRepository {

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Notification insert(Notification n) {
		jdbc.sql("""
				insert into notification (notification_key, incident_key, kind, channel, recipients, subject, body_text,
				  body_html, message_id, in_reply_to, drill, status, attempts, created_at, calendar_ics)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(n.key(), n.incidentKey(), n.kind().name(), n.channel().name(), n.recipients(), n.subject(), n.text(),
					n.html(), n.messageId(), n.inReplyTo(), n.drill(), NotificationStatus.PENDING.name(),
					Timestamp.from(n.createdAt()), n.calendar())
			.update();
		return findByKey(n.key()).orElseThrow();
	}

	/**
	 * Claims the notification for {@code node} until {@code until}, unless it was delivered or
	 * another sender's claim still holds. Returns whether this sender may send it.
	 */
	boolean claim(long id, String node, Instant until, Instant now) {
		return jdbc.sql("""
				update notification set status = 'SENDING', sending_by = ?, sending_until = ?
				where id = ? and status not in ('SENT', 'CAPTURED') and (status <> 'SENDING' or sending_until < ?)""")
			.params(node, Timestamp.from(until), id, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Releases the claims {@code node} held when it stopped: their sends were cut off, and may or
	 * may not have reached the server. Their jobs run again at once and send them again.
	 */
	int releaseClaimsOf(String node) {
		return jdbc.sql("""
				update notification set status = 'FAILED', sending_by = null, sending_until = null,
				  last_error = 'Interrupted: node ' || sending_by || ' stopped while sending; sending again'
				where status = 'SENDING' and sending_by = ?""")
			.param(node)
			.update();
	}

	void recordAttempt(long id, NotificationStatus status, String error, Instant at) {
		jdbc.sql("""
				update notification set status = ?, attempts = attempts + 1, last_error = ?,
				  sent_at = case when ? then ? else sent_at end, sending_by = null, sending_until = null
				where id = ?""")
			.params(status.name(), error, status.delivered(), Timestamp.from(at), id)
			.update();
	}

	public Optional<Notification> findByKey(String key) {
		return jdbc.sql("select * from notification where notification_key = ?").param(key).query(this::map).optional();
	}

	/** The node that holds the claim on a notification being sent, to say so in a retry's message. */
	Optional<String> claimHolder(long id) {
		return jdbc.sql("select sending_by from notification where id = ? and status = 'SENDING'")
			.param(id)
			.query(String.class)
			.optional();
	}

	public Optional<Notification> find(long id) {
		return jdbc.sql("select * from notification where id = ?").param(id).query(this::map).optional();
	}

	public List<Notification> recent(int limit) {
		return jdbc.sql("select * from notification order by created_at desc, id desc limit ?")
			.param(limit)
			.query(this::map)
			.list();
	}

	public List<Notification> forIncident(String incidentKey) {
		return jdbc.sql("select * from notification where incident_key = ? order by created_at, id")
			.param(incidentKey)
			.query(this::map)
			.list();
	}

	/**
	 * Failed deliveries for the dashboard's warning: those of incidents not yet closed, and of
	 * incidents closed since {@code closedSince}. Notices are delivered by jobs of their own, so an
	 * incident may close while its resolution notice still fails; the warning outlives the incident
	 * for a while, not forever.
	 */
	public List<Notification> failedToWarnOf(Instant closedSince) {
		return jdbc.sql("""
				select n.* from notification n join incident i on i.incident_key = n.incident_key
				where n.status = 'FAILED' and (i.status <> 'CLOSED' or i.closed_at > ?) order by n.created_at""")
			.param(Timestamp.from(closedSince))
			.query(this::map)
			.list();
	}

	/** The Message-ID of the incident's first mail: later mails reply to it, so clients thread them. */
	Optional<String> threadRoot(String incidentKey) {
		return jdbc.sql("""
				select message_id from notification where incident_key = ? and channel = 'EMAIL'
				order by id fetch first 1 rows only""")
			.param(incidentKey)
			.query(String.class)
			.optional();
	}

	private Notification map(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getLong("id"), rs.getString("notification_key"), rs.getString("incident_key"),
				NotificationKind.valueOf(rs.getString("kind")), Channel.valueOf(rs.getString("channel")),
				rs.getString("recipients"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
				rs.getString("message_id"), rs.getString("in_reply_to"), rs.getBoolean("drill"),
				NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
				rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
				rs.getString("calendar_ics"));
	}
}
