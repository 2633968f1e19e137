package io.firebreak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.firebreak.audit.AuditEntry.Source;

class AuditCsvTests {

	@Test
	void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
		assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
		assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
		assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(AuditCsv.cell("Rolled back")).isEqualTo("Rolled back");
	}

	@Test
	void quotesCommasNewlinesAndQuotesAndPutsTheValuesInOneColumn() {
		AuditEntry entry = new AuditEntry(Instant.parse("2026-03-01T10:00:00Z"), "INC-2026-0001", Source.TASK,
				"incident-response v2", "Contain", "oncall", "task completed", "Drained, then \"waited\"\nand saw",
				Map.of("containmentActions", "Drained"), null, null);
		String csv = AuditCsv.of(List.of(entry));
		assertThat(csv).startsWith(String.join(",", AuditCsv.HEADER) + "\n")
			.contains("\"Drained, then \"\"waited\"\"\nand saw\"")
			.contains("\"{\"\"containmentActions\"\":\"\"Drained\"\"}\"");
	}
}
