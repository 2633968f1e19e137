package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * Five minutes of steady mixed traffic against Firebreak from its jar, on the default H2 file
 * database, with mail going out: declarations, alerts (new groups, news for open incidents and
 * resends), people working incidents to closed through Camunda's REST API, and page views. No
 * request may fail, no delivery may fail, and the heap after a full GC must stay flat.
 */
class SoakFailureTests {

	static final Duration SOAK = Duration.ofMinutes(Long.getLong("soak.minutes", 5));

	@Test
	void fiveMinutesOfMixedTrafficWithoutAnErrorOrAGrowingHeap() throws Exception {
		Path work = Path.of("target/failure/soak");
		FileSystemUtils.deleteRecursively(work);
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		try (FirebreakNode node = new FirebreakNode("soak-node", work, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + mail.getSmtp().getPort(), "--logging.level.root=WARN").start()) {
			SoakTraffic traffic = new SoakTraffic(node);
			HeapAfterGc heap = new HeapAfterGc(node);
			traffic.run(Duration.ofSeconds(30));
			List<Long> heapSamples = new ArrayList<>();
			heapSamples.add(heap.measure());
			traffic.reset();
			long end = System.nanoTime() + SOAK.toNanos();
			while (System.nanoTime() < end) {
				traffic.run(Duration.ofNanos(Math.min(Duration.ofMinutes(1).toNanos(), end - System.nanoTime())));
				heapSamples.add(heap.measure());
			}
			traffic.report().forEach(System.out::println);
			System.out.println("heap after full GC (MiB), every minute: "
					+ heapSamples.stream().map(bytes -> bytes / (1024 * 1024)).toList());

			assertThat(traffic.errors()).as("failed requests").isEmpty();
			assertThat(traffic.count("declare")).as("declarations").isGreaterThan(100);
			assertThat(traffic.count("complete UserTask_ResolveIncident")).as("incidents worked to resolved").isGreaterThan(50);
			assertThat(node.http().get("admin", "/engine-rest/incident?incidentType=failedJob").json())
				.as("jobs that failed for good (Cockpit incidents)").isEmpty();
			assertThat(heapSamples.get(heapSamples.size() - 1)).as("heap after GC at the end against after warm-up")
				.isLessThan(heapSamples.get(0) * 5 / 4 + 32L * 1024 * 1024);
		}
		finally {
			mail.stop();
		}
	}
}
