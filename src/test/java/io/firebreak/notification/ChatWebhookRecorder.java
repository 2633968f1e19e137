package io.firebreak.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A Slack-style incoming webhook that answers 200 and keeps every post, for counting deliveries. */
final class ChatWebhookRecorder implements AutoCloseable {

	private final HttpServer server;
	private final List<String> posts = new CopyOnWriteArrayList<>();

	ChatWebhookRecorder() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hooks/incidents", exchange -> {
			posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
	}

	/** The demo audiences, with the stakeholders' chat pointed here. */
	Path writeAudiences(Path file) throws IOException {
		return Files.writeString(file, """
				audiences:
				  - id: stakeholders
				    name: Internal stakeholders
				    roles: [incident-commanders, communications]
				    people: []
				    chat:
				      - name: incidents
				        type: slack
				        url: http://127.0.0.1:%d/hooks/incidents
				        drills: false
				""".formatted(server.getAddress().getPort()));
	}

	/** Posts that link to the incident (Slack's {@code <url|Open KEY>}). */
	long postsFor(String incidentKey) {
		return posts.stream().filter(post -> post.contains("|Open " + incidentKey + ">")).count();
	}

	int total() {
		return posts.size();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
