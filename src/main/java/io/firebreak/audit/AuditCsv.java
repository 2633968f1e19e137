package io.firebreak.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Audit lines as CSV (RFC 4180, by Jackson's CSV writer), one row per line with a header. The
 * values go in one column as a JSON object. A cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe (OWASP's
 * advice against CSV injection): people type what they like into forms, and auditors open exports
 * in spreadsheets.
 */
final class AuditCsv {

	static final List<String> HEADER = List.of("at", "incident", "source", "plan", "element", "actor", "action",
			"detail", "values", "sequence", "hash");

	private static final CsvMapper CSV = new CsvMapper();
	private static final ObjectMapper JSON = new ObjectMapper();

	private AuditCsv() {
	}

	static String of(List<AuditEntry> entries) {
		StringWriter out = new StringWriter();
		try (SequenceWriter rows = CSV.writer(CsvSchema.emptySchema()).writeValues(out)) {
			rows.write(HEADER);
			for (AuditEntry entry : entries) {
				rows.write(row(entry));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private static List<String> row(AuditEntry entry) {
		return List.of(entry.at().toString(), cell(entry.incident()), entry.source().name().toLowerCase(),
				cell(entry.plan()), cell(entry.element()), cell(entry.actor()), cell(entry.action()),
				cell(entry.detail()), entry.values().isEmpty() ? "" : cell(json(entry)),
				entry.sequence() == null ? "" : entry.sequence().toString(), Objects.toString(entry.hash(), ""));
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

	private static String json(AuditEntry entry) {
		try {
			return JSON.writeValueAsString(entry.values());
		}
		catch (JsonProcessingException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
