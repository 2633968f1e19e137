package io.firebreak.performance;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

import io.firebreak.performance.IncidentChannel.ConcurrentChange;
import io.firebreak.performance.IncidentChannel.OpenTask;

/**
 * Works incidents through one channel with several clients for a fixed time, and measures what
 * each incident cost. Each client starts an incident, then looks for its open tasks and completes
 * the first as the playbook says, looking again after each (a completion may end other tasks),
 * until none of the incident's processes runs; while nothing is open but a process still runs
 * (an async job of the job executor is in between), it looks again after {@link #POLL}.
 * <p>
 * The window starts with no executable job left and ends when the clients have finished the
 * incidents they started before its time was up and the job executor has run every job that was
 * due (Firebreak's notice deliveries come after an incident's last task): every incident started
 * in the window has ended inside it and all its work is in the window's time and CPU.
 */
public final class ThroughputRun {

	static final Duration POLL = Duration.ofMillis(10);
	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
	static final Duration INCIDENT_LIMIT = Duration.ofSeconds(60);
	static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

	private final IncidentChannel channel;
	private final TaskPlaybook playbook;
	private final ManagementService jobs;
	private final int clients;
	private final AtomicInteger numbers;
	private final Map<String, LongSupplier> counters;

	/**
	 * {@code numbers} numbers incidents across runs, so that every incident has a key of its own;
	 * {@code counters} are read at the start and end of the window and reported per incident (e.g.
	 * the mails that arrived: the proof that the notices were really sent).
	 */
	public ThroughputRun(IncidentChannel channel, TaskPlaybook playbook, ManagementService jobs, int clients,
			AtomicInteger numbers, Map<String, LongSupplier> counters) {
		this.channel = channel;
		this.playbook = playbook;
		this.jobs = jobs;
		this.clients = clients;
		this.numbers = numbers;
		this.counters = counters;
	}

	/** Works incidents for {@code duration}, unmeasured (the JIT compiles, caches fill), and lets the jobs drain. */
	public void warmUp(Duration duration) throws Exception {
		work(duration);
		drain();
	}

	/** What the window measured, as the results file shows it. */
	public Map<String, Object> measure(Duration window) throws Exception {
		drain();
		Map<String, Long> counted = new LinkedHashMap<>();
		counters.forEach((name, counter) -> counted.put(name, counter.getAsLong()));
		long cpu0 = processCpuNanos();
		long t0 = System.nanoTime();
		Worked worked = work(window);
		long worked1 = System.nanoTime();
		drain();
		long t1 = System.nanoTime();
		long cpu1 = processCpuNanos();

		int incidents = worked.latencies().size();
		double seconds = (t1 - t0) / 1e9;
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("incidents_per_s", round(incidents / seconds, 2));
		result.put("cpu_ms_per_incident", round((cpu1 - cpu0) / 1e6 / incidents, 1));
		result.put("incidents", incidents);
		result.put("seconds", round(seconds, 2));
		result.put("drain_ms", round((t1 - worked1) / 1e6, 0));
		result.put("latency_p50_ms", percentile(worked.latencies(), 0.50));
		result.put("latency_p99_ms", percentile(worked.latencies(), 0.99));
		result.put("tasks_per_incident", round((double) worked.tasks() / incidents, 2));
		// how often a client found nothing open yet and looked again: the driver's own share of the cost
		result.put("empty_polls_per_incident", round((double) worked.polls() / incidents, 1));
		// the CPU those looks took on the clients' threads: through the Java API that is the whole of it
		// (the queries run on the client's thread), over HTTP only the client's side (the server's is not told apart)
		result.put("empty_poll_client_cpu_ms_per_incident", round(worked.pollCpuNanos() / 1e6 / incidents, 1));
		result.put("cpu_ms_per_incident_without_empty_polls",
				round((cpu1 - cpu0 - worked.pollCpuNanos()) / 1e6 / incidents, 1));
		result.put("concurrent_change_retries", worked.retries());
		result.put("clients", clients);
		counted.forEach((name, before) -> result.put(name + "_per_incident",
				round((double) (counters.get(name).getAsLong() - before) / incidents, 2)));
		return result;
	}

	record Worked(List<Long> latencies, long tasks, long retries, long polls, long pollCpuNanos) {
	}

	/** The clients start incidents until {@code duration} is up, and finish every one they started. */
	Worked work(Duration duration) throws Exception {
		long deadline = System.nanoTime() + duration.toNanos();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicLong tasks = new AtomicLong();
		AtomicLong retries = new AtomicLong();
		AtomicLong polls = new AtomicLong();
		AtomicLong pollCpu = new AtomicLong();
		AtomicReference<Exception> failure = new AtomicReference<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			pool.submit(() -> {
				while (System.nanoTime() < deadline && failure.get() == null) {
					try {
						long start = System.nanoTime();
						String key = channel.start(numbers.incrementAndGet());
						workToEnd(key, tasks, retries, polls, pollCpu);
						latencies.add(System.nanoTime() - start);
					}
					catch (Exception e) {
						failure.compareAndSet(null, e);
					}
				}
			});
		}
		pool.shutdown();
		if (!pool.awaitTermination(duration.toSeconds() + INCIDENT_LIMIT.toSeconds() * 2, TimeUnit.SECONDS)) {
			pool.shutdownNow();
			throw new IllegalStateException("the clients did not finish their incidents in time");
		}
		if (failure.get() != null) {
			throw failure.get();
		}
		return new Worked(List.copyOf(latencies), tasks.get(), retries.get(), polls.get(), pollCpu.get());
	}

	private void workToEnd(String key, AtomicLong tasks, AtomicLong retries, AtomicLong polls, AtomicLong pollCpu)
			throws Exception {
		long limit = System.nanoTime() + INCIDENT_LIMIT.toNanos();
		while (System.nanoTime() < limit) {
			long cpu = THREADS.getCurrentThreadCpuTime();
			List<OpenTask> open = channel.openTasks(key);
			if (open.isEmpty()) {
				if (!channel.running(key)) {
					return;
				}
				polls.incrementAndGet();
				pollCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
				Thread.sleep(POLL.toMillis());
				continue;
			}
			OpenTask task = open.get(0);
			TaskPlaybook.Step step = playbook.step(task.taskDefinitionKey(), task.assignee());
			try {
				channel.complete(task, step.user(), step.form());
				tasks.incrementAndGet();
			}
			catch (ConcurrentChange e) {
				retries.incrementAndGet();
				Thread.sleep(POLL.toMillis());
			}
		}
		throw new IllegalStateException("incident " + key + " still runs after " + INCIDENT_LIMIT.toSeconds()
				+ " s; open tasks: " + channel.openTasks(key));
	}

	/** Waits until the job executor has no job left that is due now. */
	void drain() throws InterruptedException {
		long limit = System.nanoTime() + DRAIN_LIMIT.toNanos();
		while (System.nanoTime() < limit) {
			List<Job> due = jobs.createJobQuery().executable().listPage(0, 1);
			if (due.isEmpty()) {
				return;
			}
			Thread.sleep(POLL.toMillis());
		}
		throw new IllegalStateException("jobs still due after " + DRAIN_LIMIT.toSeconds() + " s: "
				+ jobs.createJobQuery().executable().count());
	}

	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	static double percentile(List<Long> nanos, double quantile) {
		Latencies latencies = new Latencies();
		nanos.forEach(latencies::add);
		return latencies.percentile((int) Math.round(quantile * 100));
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}
}
