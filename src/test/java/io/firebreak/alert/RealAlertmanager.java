package io.firebreak.alert;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) whose only receiver is a webhook
 * to Firebreak, and {@code amtool} to fire and resolve alerts in it. Timings are short so that a
 * test sees the first notification, a repeat and a resolve within seconds.
 */
final class RealAlertmanager implements AutoCloseable {

	private final Path dir;
	private final String url;
	private final Process process;

	private RealAlertmanager(Path dir, String url, Process process) {
		this.dir = dir;
		this.url = url;
		this.process = process;
	}

	/** Fails when CI=true and the tools are missing (CI must install them); skips elsewhere. */
	static RealAlertmanager start(Path dir, int firebreakPort, String integrationKey) throws Exception {
		Optional<Path> binary = onPath("prometheus-alertmanager").or(() -> onPath("alertmanager"));
		if (binary.isEmpty() || onPath("amtool").isEmpty()) {
			String missing = "Alertmanager and amtool are not on the PATH (Debian: apt-get install prometheus-alertmanager)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(missing + "; .ci/run installs them");
			}
			Assumptions.abort(missing);
		}
		int port = freePort();
		Path config = dir.resolve("alertmanager.yml");
		Files.writeString(config, """
				route:
				  receiver: firebreak
				  group_by: [alertname, service]
				  group_wait: 1s
				  group_interval: 1s
				  repeat_interval: 2s
				receivers:
				  - name: firebreak
				    webhook_configs:
				      - url: http://127.0.0.1:%d/api/alerts/alertmanager
				        send_resolved: true
				        http_config:
				          authorization:
				            type: Bearer
				            credentials: %s
				""".formatted(firebreakPort, integrationKey));
		Process process = new ProcessBuilder(binary.get().toString(), "--config.file=" + config,
				"--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
				"--cluster.listen-address=", "--log.level=warn")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("alertmanager.log").toFile())
			.start();
		RealAlertmanager alertmanager = new RealAlertmanager(dir, "http://127.0.0.1:" + port, process);
		alertmanager.awaitReady();
		return alertmanager;
	}

	/** {@code amtool alert add}: fires the alert, or with {@code resolve} ends it now. */
	void alert(boolean resolve, String... labelsAndAnnotations) throws Exception {
		List<String> command = new ArrayList<>(List.of("amtool", "alert", "add"));
		command.addAll(List.of(labelsAndAnnotations));
		if (resolve) {
			command.add("--end=" + Instant.now().truncatedTo(ChronoUnit.SECONDS));
		}
		command.add("--alertmanager.url=" + url);
		Process amtool = new ProcessBuilder(command).redirectErrorStream(true).start();
		if (!amtool.waitFor(20, TimeUnit.SECONDS) || amtool.exitValue() != 0) {
			fail("amtool failed: " + new String(amtool.getInputStream().readAllBytes()));
		}
	}

	String log() throws IOException {
		return Files.readString(dir.resolve("alertmanager.log"));
	}

	private void awaitReady() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				fail("Alertmanager exited at start: " + log());
			}
			try {
				HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (ready.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYetListening) {
				// keep waiting
			}
			Thread.sleep(200);
		}
		fail("Alertmanager was not ready within 30 s: " + log());
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	private static Optional<Path> onPath(String name) {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of(path.split(java.io.File.pathSeparator)).map(entry -> Path.of(entry, name))
			.filter(Files::isExecutable).findFirst();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static Duration patience() {
		return Duration.ofSeconds(30);
	}
}
