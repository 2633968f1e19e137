package io.firebreak.planreview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.firebreak.plan.ResponsePlan;

/**
 * The plan_review table (V9): a row is opened with the review task and closed with its outcome, in
 * the engine's transaction, so a review is on record exactly when its step happened.
 */
@Repository
class PlanReviewRepository {

	private static final String COLUMNS = "id, plan_key, plan_version, plan_version_tag, plan_name, plan_definition_id, "
			+ "owner, due, opened_at, process_instance_id, escalations, outcome, notes, reviewer, reviewed_at";

	private final JdbcClient jdbc;

	PlanReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PlanReview open(ResponsePlan plan, String owner, Instant due, Instant now, String processInstanceId) {
		KeyHolder generated = new GeneratedKeyHolder();
		jdbc.sql("insert into plan_review (plan_key, plan_version, plan_version_tag, plan_name, plan_definition_id, owner, "
				+ "due, opened_at, process_instance_id, escalations) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
			.params(plan.key(), plan.version(), plan.versionTag(), plan.name(), plan.definitionId(), owner,
					Timestamp.from(due), Timestamp.from(now), processInstanceId)
			// name the key column: PostgreSQL would otherwise return every column of the new row
			.update(generated, "id");
		return find(generated.getKeyAs(Number.class).longValue()).orElseThrow();
	}

	Optional<PlanReview> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from plan_review where id = ?").param(id).query(PlanReviewRepository::map)
			.optional();
	}

	/** Closes an open review; false when it was closed already (a second completion changes nothing). */
	boolean close(long id, PlanReviewOutcome outcome, String notes, String reviewer, Instant at) {
		return jdbc.sql("update plan_review set outcome = ?, notes = ?, reviewer = ?, reviewed_at = ? "
				+ "where id = ? and outcome is null")
			.params(outcome.value(), notes, reviewer, Timestamp.from(at), id)
			.update() == 1;
	}

	/** Counts one more escalation of an open review; its new count. */
	int escalated(long id) {
		jdbc.sql("update plan_review set escalations = escalations + 1 where id = ?").param(id).update();
		return jdbc.sql("select escalations from plan_review where id = ?").param(id).query(Integer.class).single();
	}

	/** Every plan's last finished review. */
	List<PlanReview> lastClosedOfEachPlan() {
		return jdbc.sql("select " + COLUMNS + " from plan_review r where reviewed_at is not null and id = "
				+ "(select max(id) from plan_review l where l.plan_key = r.plan_key and l.reviewed_at = "
				+ "(select max(reviewed_at) from plan_review m where m.plan_key = r.plan_key))")
			.query(PlanReviewRepository::map).list();
	}

	/** Every review still open, soonest due first. */
	List<PlanReview> open() {
		return jdbc.sql("select " + COLUMNS + " from plan_review where outcome is null order by due, id")
			.query(PlanReviewRepository::map).list();
	}

	private static PlanReview map(ResultSet rs, int row) throws SQLException {
		String outcome = rs.getString("outcome");
		return new PlanReview(rs.getLong("id"), rs.getString("plan_key"), rs.getInt("plan_version"),
				rs.getString("plan_version_tag"), rs.getString("plan_name"), rs.getString("plan_definition_id"),
				rs.getString("owner"), instant(rs, "due"), instant(rs, "opened_at"), rs.getString("process_instance_id"),
				rs.getInt("escalations"), outcome == null ? null : PlanReviewOutcome.of(outcome).orElseThrow(),
				rs.getString("notes"), rs.getString("reviewer"), instant(rs, "reviewed_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
