package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

/** An online backup of the H2 file database, restored into a folder of its own and read back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:file:./target/backup-it/${random.uuid}/firebreak;WRITE_DELAY=0",
		"firebreak.backup.directory=./target/backup-it/backups" })
@ActiveProfiles({ "demo", "test" })
class DatabaseBackupIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Test
	void anAdministratorsBackupRestoresToADatabaseWithTheIncidentsOfTheMomentItWasTaken() throws Exception {
		HttpClient http = new HttpClient(rest);
		ResponseEntity<String> declared = http.post("ic", "/api/incidents", Map.of("title", "Checkout errors",
				"summary", "5xx on /pay", "service", "checkout", "impact", "significant", "urgency", "high"));
		String key = NodeHttp.JSON.readTree(declared.getBody()).path("key").asText();

		ResponseEntity<String> backup = http.post("admin", "/api/backups", null);
		assertThat(backup.getStatusCode().value()).isEqualTo(201);
		JsonNode answer = NodeHttp.JSON.readTree(backup.getBody());
		assertThat(answer.path("database").asText()).isEqualTo("H2");
		Path zip = Path.of(answer.path("file").asText());
		assertThat(zip).exists().hasFileName(zip.getFileName().toString());
		assertThat(answer.path("bytes").asLong()).isEqualTo(Files.size(zip));

		Path restored = Files.createTempDirectory(Path.of("target"), "restored-");
		unzip(zip, restored);
		assertThat(restored.resolve("firebreak.mv.db")).exists();
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + restored.toAbsolutePath().resolve("firebreak"), "sa", "");
				ResultSet incident = connection.createStatement().executeQuery(
						"select title from incident where incident_key = '" + key + "'")) {
			assertThat(incident.next()).as("the incident is in the restored database").isTrue();
			assertThat(incident.getString(1)).isEqualTo("Checkout errors");
		}
	}

	@Test
	void onlyAdministratorsTakeBackups() throws Exception {
		ResponseEntity<String> refused = new HttpClient(rest).post("ic", "/api/backups", null);
		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(NodeHttp.JSON.readTree(refused.getBody()).path("error").asText()).isEqualTo("forbidden");
		assertThat(new HttpClient(rest).post(null, "/api/backups", null).getStatusCode().value()).isEqualTo(401);
	}

	private static void unzip(Path zip, Path into) throws Exception {
		try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
			for (ZipEntry entry; (entry = entries.getNextEntry()) != null;) {
				Path target = into.resolve(entry.getName()).normalize();
				assertThat(target.startsWith(into)).as("entry %s stays in the folder", entry.getName()).isTrue();
				Files.copy(entries, target);
			}
		}
	}
}
