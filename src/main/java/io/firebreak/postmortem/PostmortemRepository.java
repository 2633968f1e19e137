package io.firebreak.postmortem;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.incident.IncidentKey;
import io.firebreak.incident.Severity;

/** Postmortems, their timeline and sections kept as JSON next to the columns the list filters on. */
@Repository
public class PostmortemRepository {

	private static final String COLUMNS = "incident_key, owner, status, opened_at, review_meeting_at, timeline, "
			+ "sections, approved_by, published_at";
	private static final TypeReference<List<TimelineEntry>> TIMELINE = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final ObjectMapper json;

	PostmortemRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void insert(Postmortem postmortem) {
		jdbc.sql("insert into postmortem (" + COLUMNS + ", search_text) values (:key, :owner, :status, :openedAt, "
				+ ":reviewMeetingAt, :timeline, :sections, :approvedBy, :publishedAt, :searchText)")
			.params(parameters(postmortem))
			.update();
	}

	public void update(Postmortem postmortem) {
		jdbc.sql("""
				update postmortem set owner = :owner, status = :status, review_meeting_at = :reviewMeetingAt,
				  timeline = :timeline, sections = :sections, approved_by = :approvedBy, published_at = :publishedAt,
				  search_text = :searchText
				where incident_key = :key""")
			.params(parameters(postmortem))
			.update();
	}

	public Optional<Postmortem> findByKey(IncidentKey key) {
		return jdbc.sql("select " + COLUMNS + " from postmortem where incident_key = ?")
			.param(key.value())
			.query(this::map)
			.optional();
	}

	/** Most recently declared incidents first. */
	public List<PostmortemSummary> search(PostmortemSearch filter) {
		StringBuilder sql = new StringBuilder("""
				select p.incident_key, i.title, i.service, i.severity, i.drill, p.status, p.owner, i.declared_at,
				  p.published_at
				from postmortem p join incident i on i.incident_key = p.incident_key where 1 = 1""");
		Map<String, Object> params = new HashMap<>();
		if (filter.service() != null) {
			sql.append(" and i.service = :service");
			params.put("service", filter.service());
		}
		if (filter.severity() != null) {
			sql.append(" and i.severity = :severity");
			params.put("severity", filter.severity().name());
		}
		if (filter.from() != null) {
			sql.append(" and i.declared_at >= :from");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (filter.to() != null) {
			sql.append(" and i.declared_at < :to");
			params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (filter.q() != null) {
			// LIKE with an escape character of our own, so that % and _ in the words match themselves
			sql.append("""
					 and (p.search_text like :q escape '\\' or lower(i.title) like :q escape '\\'
					  or lower(i.summary) like :q escape '\\' or exists (select 1 from action_item a
					  where a.incident_key = p.incident_key and lower(a.title) like :q escape '\\'))""");
			params.put("q", "%" + likeEscaped(filter.q().toLowerCase(Locale.ROOT)) + "%");
		}
		sql.append(" order by i.declared_at desc, p.incident_key desc");
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new PostmortemSummary(new IncidentKey(rs.getString("incident_key")),
					rs.getString("title"), rs.getString("service"),
					rs.getString("severity") == null ? null : Severity.valueOf(rs.getString("severity")),
					rs.getBoolean("drill"), Postmortem.Status.valueOf(rs.getString("status")), rs.getString("owner"),
					instant(rs, "declared_at"), instant(rs, "published_at")))
			.list();
	}

	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private Map<String, Object> parameters(Postmortem p) {
		Map<String, Object> params = new HashMap<>();
		params.put("key", p.incidentKey().value());
		params.put("owner", p.owner());
		params.put("status", p.status().name());
		params.put("openedAt", timestamp(p.openedAt()));
		params.put("reviewMeetingAt", timestamp(p.reviewMeetingAt()));
		params.put("timeline", write(p.timeline()));
		params.put("sections", write(p.sections()));
		params.put("approvedBy", p.approvedBy());
		params.put("publishedAt", timestamp(p.publishedAt()));
		params.put("searchText", (p.owner() + "\n" + p.sections().searchable()).toLowerCase(Locale.ROOT));
		return params;
	}

	private Postmortem map(ResultSet rs, int row) throws SQLException {
		String timeline = rs.getString("timeline");
		String sections = rs.getString("sections");
		try {
			return new Postmortem(new IncidentKey(rs.getString("incident_key")), rs.getString("owner"),
					Postmortem.Status.valueOf(rs.getString("status")), instant(rs, "opened_at"),
					instant(rs, "review_meeting_at"),
					timeline == null ? new ArrayList<>() : json.readValue(timeline, TIMELINE),
					sections == null ? PostmortemSections.EMPTY : json.readValue(sections, PostmortemSections.class),
					rs.getString("approved_by"), instant(rs, "published_at"));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Postmortem " + rs.getString("incident_key") + " is stored unreadably", e);
		}
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
