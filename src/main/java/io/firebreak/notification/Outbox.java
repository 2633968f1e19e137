package io.firebreak.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Outbox {

	private static final RowMapper<OutboxMessage> MESSAGE = (rs, row) -> new OutboxMessage(rs.getLong("id"),
			rs.getString("incident_key"), rs.getString("kind"), rs.getString("recipients"), rs.getString("subject"),
			rs.getString("body_text"), OutboxMessage.Status.valueOf(rs.getString("status")),
			rs.getTimestamp("created_at").toInstant(),
			rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant());

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(OutgoingMail mail, OutboxMessage.Status status, Instant at) {
		jdbc.sql("""
				insert into outbox_message (incident_key, kind, recipients, subject, body_text, status, created_at, sent_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(mail.incidentKey(), mail.kind(), String.join(", ", mail.recipients()), mail.subject(), mail.text(),
					status.name(), Timestamp.from(at), status == OutboxMessage.Status.SENT ? Timestamp.from(at) : null)
			.update();
	}

	public List<OutboxMessage> recent(int limit) {
		return jdbc.sql("select * from outbox_message order by created_at desc, id desc limit ?")
			.param(limit)
			.query(MESSAGE)
			.list();
	}

	public List<OutboxMessage> forIncident(String incidentKey) {
		return jdbc.sql("select * from outbox_message where incident_key = ? order by created_at, id")
			.param(incidentKey)
			.query(MESSAGE)
			.list();
	}

	public Optional<OutboxMessage> find(long id) {
		return jdbc.sql("select * from outbox_message where id = ?").param(id).query(MESSAGE).optional();
	}
}
