package io.firebreak.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name among the Firebreak nodes that share one database: the owner of every job
 * its job executor locks, and the host Camunda's job log records. It stays the same across
 * restarts, so a node that was killed takes back, the moment it starts again, the jobs and sends
 * it held when it died instead of waiting for their locks to expire. Two running nodes must never
 * share a name; the default (host name and port) sees to that unless {@code firebreak.node-id}
 * is set twice to one value.
 */
@Component
public class ClusterNode {

	private final String id;

	ClusterNode(@Value("${firebreak.node-id:}") String configured, @Value("${server.port:8080}") int port) {
		String id = configured.isBlank() ? hostName() + ":" + port : configured.strip();
		if (id.length() > 64) {
			throw new IllegalStateException("firebreak.node-id must be at most 64 characters (was '" + id + "')");
		}
		this.id = id;
	}

	public String id() {
		return id;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "localhost";
		}
	}
}
