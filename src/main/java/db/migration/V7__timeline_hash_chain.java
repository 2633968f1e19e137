package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.firebreak.incident.TimelineChain;

/**
 * Chains every incident's timeline ({@link TimelineChain}): events recorded before this version
 * are chained in the order they were read until now (by time, then as recorded), so that a
 * database that upgrades verifies like a new one. A Java migration because the hashes are
 * computed, not declared.
 */
public class V7__timeline_hash_chain extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("alter table timeline_event add column sequence_number bigint");
			ddl.execute("alter table timeline_event add column previous_hash varchar(64)");
			ddl.execute("alter table timeline_event add column event_hash varchar(64)");
		}
		chainRecordedEvents(connection);
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("alter table timeline_event alter column sequence_number set not null");
			ddl.execute("alter table timeline_event alter column event_hash set not null");
			ddl.execute("create unique index timeline_event_chain_idx on timeline_event (incident_key, sequence_number)");
		}
	}

	private static void chainRecordedEvents(Connection connection) throws SQLException {
		try (PreparedStatement read = connection.prepareStatement("""
				select id, incident_key, occurred_at, kind, actor, description, task_name from timeline_event
				order by incident_key, occurred_at, id""");
				PreparedStatement write = connection.prepareStatement(
						"update timeline_event set sequence_number = ?, previous_hash = ?, event_hash = ? where id = ?");
				ResultSet rows = read.executeQuery()) {
			String incident = null;
			String previousHash = null;
			long sequence = 0;
			while (rows.next()) {
				String key = rows.getString("incident_key");
				if (!key.equals(incident)) {
					incident = key;
					previousHash = null;
					sequence = 0;
				}
				sequence++;
				String hash = TimelineChain.hash(key, sequence, rows.getTimestamp("occurred_at").toInstant(),
						rows.getString("kind"), rows.getString("actor"), rows.getString("description"),
						rows.getString("task_name"), previousHash);
				write.setLong(1, sequence);
				write.setString(2, previousHash);
				write.setString(3, hash);
				write.setLong(4, rows.getLong("id"));
				write.addBatch();
				previousHash = hash;
			}
			write.executeBatch();
		}
	}
}
