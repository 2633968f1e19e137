package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.junit.jupiter.api.Test;

class ConcurrentChangeRetriesTests {

	final AtomicInteger runs = new AtomicInteger();
	final Command<String> command = context -> "done";

	@Test
	void aCommandThatLostARaceRunsAgain() {
		assertThat(retriesAfter(new OptimisticLockingException("updated concurrently"),
				new PvmException("cannot signal execution 42: it has no current activity")).execute(command))
			.isEqualTo("done");
		assertThat(runs).hasValue(3);
	}

	@Test
	void aCommandThatKeepsLosingFailsAfterFourRuns() {
		RuntimeException lost = new OptimisticLockingException("updated concurrently");
		assertThatThrownBy(() -> retriesAfter(lost, lost, lost, lost).execute(command)).isSameAs(lost);
		assertThat(runs).hasValue(ConcurrentChangeRetries.ATTEMPTS);
	}

	@Test
	void aCommandThatMetAVanishedExecutionInsideTheEngineRunsAgain() {
		NullPointerException vanished = new NullPointerException("execution is null");
		vanished.setStackTrace(new StackTraceElement[] { new StackTraceElement(
				"org.camunda.bpm.engine.impl.persistence.entity.TaskEntity", "delete", "TaskEntity.java", 1) });

		assertThat(retriesAfter(vanished).execute(command)).isEqualTo("done");
		assertThat(runs).hasValue(2);
	}

	@Test
	void aNullInFirebreaksOwnCodeIsABugAndIsNotRunAgain() {
		NullPointerException bug = new NullPointerException("ours");
		bug.setStackTrace(new StackTraceElement[] { new StackTraceElement("io.firebreak.incident.Incident", "title",
				"Incident.java", 1) });

		assertThatThrownBy(() -> retriesAfter(bug).execute(command)).isSameAs(bug);
		assertThat(runs).hasValue(1);
	}

	@Test
	void aPersonsMistakeIsAnsweredAtOnce() {
		RuntimeException mistake = new BadUserRequestException("no such task");
		assertThatThrownBy(() -> retriesAfter(mistake).execute(command)).isSameAs(mistake);
		assertThat(runs).hasValue(1);
	}

	private ConcurrentChangeRetries.RetryOnConcurrentChange retriesAfter(RuntimeException... failures) {
		Deque<RuntimeException> pending = new ArrayDeque<>(java.util.List.of(failures));
		ConcurrentChangeRetries.RetryOnConcurrentChange retries = new ConcurrentChangeRetries.RetryOnConcurrentChange();
		retries.setNext(new CommandExecutor() {
			@Override
			public <T> T execute(Command<T> next) {
				runs.incrementAndGet();
				if (!pending.isEmpty()) {
					throw pending.poll();
				}
				return next.execute(null);
			}
		});
		return retries;
	}
}
