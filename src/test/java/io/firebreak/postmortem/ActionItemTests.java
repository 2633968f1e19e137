package io.firebreak.postmortem;

import static io.firebreak.postmortem.PostmortemTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.firebreak.postmortem.ActionItem.Priority;
import io.firebreak.postmortem.ActionItem.Status;
import io.firebreak.postmortem.ActionItem.Type;

class ActionItemTests {

	static final String KEY = "INC-2026-0042";
	static final String FINE = """
			{"title": "Monitor expiry", "type": "prevent", "owner": "oncall", "dueDate": "2026-12-15", "priority": "high"}""";

	@Test
	void readsTheReviewFormsListNumberedInOrder() {
		List<ActionItem> items = ActionItem.fromJson(KEY, "[" + FINE + ", "
				+ """
						{"title": " Runbook ", "type": "PROCESS", "owner": "ic", "dueDate": "2026-12-31T00:00:00Z",
						 "priority": "Low"}]""");

		assertThat(items).hasSize(2);
		ActionItem first = items.get(0);
		assertThat(first.incidentKey().value()).isEqualTo(KEY);
		assertThat(first.position()).isEqualTo(1);
		assertThat(first.title()).isEqualTo("Monitor expiry");
		assertThat(first.type()).isEqualTo(Type.PREVENT);
		assertThat(first.owner()).isEqualTo("oncall");
		assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
		assertThat(first.priority()).isEqualTo(Priority.HIGH);
		assertThat(first.status()).isEqualTo(Status.OPEN);
		assertThat(first.id()).isNull();
		ActionItem second = items.get(1);
		assertThat(second.position()).isEqualTo(2);
		assertThat(second.title()).isEqualTo("Runbook");
		assertThat(second.type()).isEqualTo(Type.PROCESS);
		assertThat(second.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(second.priority()).isEqualTo(Priority.LOW);
	}

	@Test
	void noListIsNoItems() {
		assertThat(ActionItem.fromJson(KEY, null)).isEmpty();
		assertThat(ActionItem.fromJson(KEY, "  ")).isEmpty();
		assertThat(ActionItem.fromJson(KEY, "[]")).isEmpty();
		assertThat(ActionItem.fromJson(KEY, "null")).isEmpty();
	}

	@Test
	void refusesAnItemWithoutTitleOwnerOrDueDateNamingItsNumber() {
		assertItemRefused("{\"type\": \"prevent\", \"owner\": \"ic\", \"dueDate\": \"2026-12-15\", \"priority\": \"high\"}",
				"Action item 2 has no title");
		assertItemRefused(
				"{\"title\": \"Fix\", \"type\": \"prevent\", \"owner\": \" \", \"dueDate\": \"2026-12-15\", \"priority\": \"high\"}",
				"Action item 2 has no owner: ");
		assertItemRefused("{\"title\": \"Fix\", \"type\": \"prevent\", \"owner\": \"ic\", \"priority\": \"high\"}",
				"Action item 2 has no due date");
		assertItemRefused(
				"{\"title\": \"Fix\", \"type\": \"prevent\", \"owner\": \"ic\", \"dueDate\": \"15/12/2026\", \"priority\": \"high\"}",
				"Action item 2 has a due date '15/12/2026' that is not a date");
		assertItemRefused(
				"{\"title\": \"Fix\", \"type\": \"prevent\", \"owner\": \"ic\", \"dueDate\": \"2026-02-30\", \"priority\": \"high\"}",
				"Action item 2 has a due date '2026-02-30'");
	}

	@Test
	void refusesAnUnknownOrMissingTypeOrPriority() {
		assertItemRefused(
				"{\"title\": \"Fix\", \"type\": \"fix\", \"owner\": \"ic\", \"dueDate\": \"2026-12-15\", \"priority\": \"high\"}",
				"Action item 2 has an unknown type 'fix': choose one of mitigate, prevent, process");
		assertItemRefused("{\"title\": \"Fix\", \"owner\": \"ic\", \"dueDate\": \"2026-12-15\", \"priority\": \"high\"}",
				"Action item 2 has no type");
		assertItemRefused(
				"{\"title\": \"Fix\", \"type\": \"prevent\", \"owner\": \"ic\", \"dueDate\": \"2026-12-15\", \"priority\": \"urgent\"}",
				"Action item 2 has an unknown priority 'urgent': choose one of high, medium, low");
	}

	@Test
	void refusesALongTitleAndWhatIsNotAList() {
		assertItemRefused("{\"title\": \"" + "x".repeat(301)
				+ "\", \"type\": \"prevent\", \"owner\": \"ic\", \"dueDate\": \"2026-12-15\", \"priority\": \"high\"}",
				"Action item 2 has a title of 301 characters");
		assertRefused(() -> ActionItem.fromJson(KEY, FINE), PostmortemVariables.ACTION_ITEMS, "a JSON list");
		assertRefused(() -> ActionItem.fromJson(KEY, "[{"), PostmortemVariables.ACTION_ITEMS, "a JSON list");
	}

	static void assertItemRefused(String second, String message) {
		assertRefused(() -> ActionItem.fromJson(KEY, "[" + FINE + ", " + second + "]"), PostmortemVariables.ACTION_ITEMS,
				message);
	}
}
