package io.firebreak.system;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The heap a node uses after a full GC ({@code jcmd <pid> GC.run}), read from its Prometheus endpoint. */
final class HeapAfterGc {

	private final FirebreakNode node;

	HeapAfterGc(FirebreakNode node) {
		this.node = node;
	}

	long measure() throws Exception {
		Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(node.pid()), "GC.run").redirectErrorStream(true).start();
		if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
			throw new IllegalStateException("jcmd GC.run failed: " + new String(gc.getInputStream().readAllBytes()));
		}
		String metrics = node.http().getText("admin", "/actuator/prometheus").body();
		long used = 0;
		for (String line : metrics.split("\n")) {
			if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
				used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		if (used == 0) {
			throw new IllegalStateException("no jvm_memory_used_bytes for the heap on /actuator/prometheus: " + metrics);
		}
		return used;
	}
}
