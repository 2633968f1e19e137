package io.firebreak.system;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Firebreak as its users run it: the packaged jar ({@code mvn package} builds it before the
 * failure tests run) in a JVM of its own, started in a working directory of the test's, so that
 * the default H2 file database lands in that directory's {@code ./data/}. It can be stopped as an
 * operator would, or killed with SIGKILL ({@code kill -9}) in the middle of its work.
 */
public final class FirebreakNode implements AutoCloseable {

	private final String name;
	private final Path workDirectory;
	private final int port;
	private final List<String> arguments;
	private final List<String> jvmOptions = new ArrayList<>();
	private Process process;

	public FirebreakNode(String name, Path workDirectory, String... arguments) {
		this(name, workDirectory, freePort(), arguments);
	}

	public FirebreakNode(String name, Path workDirectory, int port, String... arguments) {
		this.name = name;
		this.workDirectory = workDirectory;
		this.port = port;
		this.arguments = List.of(arguments);
	}

	/** More options for the node's JVM, e.g. a flight recording; before {@link #start()}. */
	public FirebreakNode withJvmOptions(String... options) {
		jvmOptions.addAll(List.of(options));
		return this;
	}

	/** Starts the node and returns once {@code /actuator/health} answers UP. */
	public FirebreakNode start() throws IOException, InterruptedException {
		Files.createDirectories(workDirectory);
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-XX:+ExitOnOutOfMemoryError"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar().toAbsolutePath().toString(), "--server.port=" + port, "--firebreak.node-id=" + name,
				"--firebreak.base-url=http://127.0.0.1:" + port, "--spring.main.banner-mode=off"));
		command.addAll(arguments);
		File log = workDirectory.resolve(name + ".log").toFile();
		process = new ProcessBuilder(command).directory(workDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		NodeHttp http = http();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
					.timeout(Duration.ofSeconds(2)).build());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return this;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException(name + " did not start within 120 s; see " + log);
	}

	/** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
	public void kill() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroyForcibly();
			process.waitFor();
		}
	}

	/** A graceful stop (SIGTERM), as an operator's restart or an upgrade does. */
	public void stop() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	public boolean alive() {
		return process != null && process.isAlive();
	}

	public long pid() {
		return process.pid();
	}

	public String name() {
		return name;
	}

	public int port() {
		return port;
	}

	public Path log() {
		return workDirectory.resolve(name + ".log");
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	public NodeHttp http() {
		return new NodeHttp(this);
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

	/** Deletes a work directory left by an earlier run, so that the next node starts with an empty database. */
	public static void deleteWorkDirectory(Path workDirectory) throws IOException {
		if (Files.exists(workDirectory)) {
			try (Stream<Path> files = Files.walk(workDirectory)) {
				for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("firebreak-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"target/firebreak-*.jar is missing: the failure tests run the packaged jar (mvn package)"));
		}
		catch (java.nio.file.NoSuchFileException e) {
			throw new IllegalStateException("no target/ folder: run the failure tests from the project folder", e);
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException("no free port", e);
		}
	}

	@Override
	public String toString() {
		return name + " (port " + port + ", " + Arrays.toString(arguments.toArray()) + ")";
	}
}
