package io.firebreak.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.firebreak.roster.DemoRoster;
import io.firebreak.roster.Roster;
import io.firebreak.system.InvalidInput;

/** Date fields bounded by now (the engine's clock) or by a process variable holding a date. */
class DateBoundsTests {

	/** The engine's clock in these tests: 20 November 2026, 10:15:30 UTC. */
	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:15:30Z"), ZoneOffset.UTC);

	static final String FORM = """
			{ "id": "form-dates", "schemaVersion": 16, "components": [
			  { "type": "datetime", "key": "dueDate", "subtype": "date", "dateLabel": "Due date",
			    "properties": { "firebreak.notBefore": "now" } },
			  { "type": "datetime", "key": "reviewMeeting", "subtype": "date", "dateLabel": "Review meeting",
			    "properties": { "firebreak.notBefore": "now", "firebreak.notAfter": "reviewDeadline" } },
			  { "type": "datetime", "key": "startedAt", "subtype": "datetime", "dateLabel": "Started",
			    "properties": { "firebreak.notBefore": "declaredAt", "firebreak.notAfter": "now" } },
			  { "type": "datetime", "key": "callAt", "subtype": "datetime", "dateLabel": "Call", "disallowPassedDates": true },
			  { "type": "datetime", "key": "plain", "subtype": "date", "dateLabel": "Any date" }
			] }
			""";

	static Roster roster;

	@BeforeAll
	static void loadRoster() throws Exception {
		roster = DemoRoster.load();
	}

	static FormRules rules() throws Exception {
		return FormRules.of(new ObjectMapper().readTree(FORM));
	}

	static Map<String, Object> values() {
		Map<String, Object> values = new HashMap<>();
		values.put("reviewDeadline", Date.from(Instant.parse("2026-12-04T00:00:00Z")));
		values.put("declaredAt", "2026-11-20T08:00:00Z");
		return values;
	}

	@Test
	void aDateNotBeforeNowMayBeTodayButNotYesterday() throws Exception {
		assertThat(check("dueDate", "2026-11-20")).contains("Due date: 2026-11-20");
		assertThat(check("dueDate", "2027-01-31")).contains("Due date: 2027-01-31");
		assertRejected("dueDate", "2026-11-19", "Due date must not be in the past");
	}

	@Test
	void aDateNotAfterAVariableSaysTheBoundAndTheVariable() throws Exception {
		assertThat(check("reviewMeeting", "2026-12-04")).contains("Review meeting: 2026-12-04");
		assertRejected("reviewMeeting", "2026-12-05", "Review meeting must be no later than 2026-12-04 (reviewDeadline)");
		assertRejected("reviewMeeting", "2026-11-19", "Review meeting must not be in the past");
	}

	@Test
	void theBoundVariableMayHoldIsoTextOrBeMissing() throws Exception {
		Map<String, Object> values = values();
		values.put("reviewMeeting", "2026-12-05");
		values.put("reviewDeadline", "2026-12-04");
		assertRejected(values, "reviewMeeting", "Review meeting must be no later than 2026-12-04 (reviewDeadline)");
		values.put("reviewDeadline", "2026-12-04T23:30:00+01:00");
		assertRejected(values, "reviewMeeting", "Review meeting must be no later than 2026-12-04 (reviewDeadline)");
		values.remove("reviewDeadline");
		assertThat(rules().check(values::get, roster, CLOCK)).as("no deadline set, no bound")
			.contains("Review meeting: 2026-12-05");
	}

	@Test
	void aDateAndTimeComparesInstants() throws Exception {
		assertThat(check("startedAt", "2026-11-20T08:00Z")).contains("Started: 2026-11-20T08:00Z");
		assertThat(check("startedAt", "2026-11-20T10:00+01:00")).contains("Started: 2026-11-20T10:00+01:00");
		assertRejected("startedAt", "2026-11-20T08:30+01:00",
				"Started must be no earlier than 2026-11-20T08:00:00Z (declaredAt)");
		assertRejected("startedAt", "2026-11-20T10:16Z", "Started must not be in the future");
		assertThat(check("startedAt", "2026-11-20T10:15")).as("no time zone: the engine's").isNotEmpty();
	}

	@Test
	void formJsDisallowPassedDatesIsCheckedToo() throws Exception {
		assertThat(check("callAt", "2026-11-20T10:15Z")).as("this minute is not past").contains("Call: 2026-11-20T10:15Z");
		assertRejected("callAt", "2026-11-20T10:14Z", "Call must not be in the past");
	}

	@Test
	void aBoundedFieldTakesOnlyDates() throws Exception {
		assertRejected("dueDate", "next week", "Due date must be a date, such as 2026-12-04");
		assertRejected("startedAt", "soon", "Started must be a date and time, such as 2026-12-04T14:30Z");
		assertThat(check("plain", "2001-01-01")).as("no bounds, no check").contains("Any date: 2001-01-01");
	}

	@Test
	void anEmptyBoundIsRefusedWhenTheFormIsRead() {
		assertThatThrownBy(() -> FormRules.of(new ObjectMapper().readTree(FORM.replace("\"firebreak.notAfter\": \"now\"",
				"\"firebreak.notAfter\": \" \""))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("form 'form-dates', field 'startedAt': firebreak.notAfter is empty: give 'now' or the name of a "
					+ "variable holding a date");
	}

	private static java.util.List<String> check(String field, String value) throws Exception {
		Map<String, Object> values = values();
		values.put(field, value);
		return rules().check(values::get, roster, CLOCK);
	}

	private static void assertRejected(String field, String value, String message) {
		Map<String, Object> values = values();
		values.put(field, value);
		assertRejected(values, field, message);
	}

	private static void assertRejected(Map<String, Object> values, String field, String message) {
		assertThatThrownBy(() -> rules().check(values::get, roster, CLOCK)).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> {
					assertThat(invalid.field()).isEqualTo(field);
					assertThat(invalid.getMessage()).isEqualTo(message);
				});
	}
}
