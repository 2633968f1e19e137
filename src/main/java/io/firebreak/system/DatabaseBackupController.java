package io.firebreak.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An online backup of the embedded H2 database (H2's {@code BACKUP TO}): a consistent copy of
 * the whole database, taken while Firebreak keeps working, as a zip under
 * {@code firebreak.backup.directory}. Restore: stop Firebreak, unzip it into the database's
 * folder, start. On PostgreSQL, {@code pg_dump} is the way (see the README).
 */
@RestController
class DatabaseBackupController {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final Path directory;
	private final Clock clock;

	DatabaseBackupController(DataSource dataSource, JdbcClient jdbc,
			@Value("${firebreak.backup.directory}") Path directory, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	@PostMapping("/api/backups")
	ResponseEntity<?> backUp() throws IOException, SQLException {
		String database = databaseProduct();
		if (!"H2".equals(database)) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("backup not available here",
					"this node runs on " + database + ": back it up with pg_dump (README, Production)"));
		}
		Files.createDirectories(directory);
		Path file = directory.resolve("firebreak-" + STAMP.format(clock.instant()) + ".zip").toAbsolutePath();
		// BACKUP TO takes no parameter; the name is ours, and quotes are doubled all the same
		jdbc.sql("BACKUP TO '" + file.toString().replace("'", "''") + "'").update();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("file", file.toString(), "bytes", Files.size(file), "database", database));
	}

	private String databaseProduct() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
	}
}
