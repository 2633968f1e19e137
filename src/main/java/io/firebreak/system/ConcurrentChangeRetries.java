package io.firebreak.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's command (completing a task, say) that loses a race with a job or an alert working
 * on the same incident, on this node or another, is run again, in a transaction of its own,
 * instead of answering the person with an error: the losing transaction was rolled back whole, so
 * running it again is what the person asked for. A race is lost in one of three ways: the
 * engine's optimistic lock, or (read committed) a half-way view of an execution tree that the
 * other transaction changed between two reads, which the engine reports as a {@link PvmException}
 * (for example "cannot signal execution …: it has no current activity" when an alert's event
 * subprocess started while the task was being completed) or meets as a null inside its own code. Only outermost commands outside any
 * caller's transaction are retried; the job executor handles its own conflicts.
 */
@Component
class ConcurrentChangeRetries extends AbstractProcessEnginePlugin {

	static final int ATTEMPTS = 4;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		interceptors.add(new RetryOnConcurrentChange());
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	static class RetryOnConcurrentChange extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (!retryable(command)) {
				return next.execute(command);
			}
			for (int attempt = 1;; attempt++) {
				try {
					return next.execute(command);
				}
				catch (OptimisticLockingException | PvmException lost) {
					if (attempt >= ATTEMPTS) {
						throw lost;
					}
					pause(attempt);
				}
				catch (NullPointerException maybeLost) {
					if (attempt >= ATTEMPTS || !vanishedUnderTheEngine(maybeLost)) {
						throw maybeLost;
					}
					pause(attempt);
				}
			}
		}

		// The third way to lose a race: the engine itself meets a null where the other transaction
		// removed an execution between two reads (the soak test: "Cannot invoke
		// ExecutionEntity.removeTask(…) because execution is null" completing a task while a job
		// ended its scope). Only a null met inside the engine's own code counts.
		static boolean vanishedUnderTheEngine(NullPointerException exception) {
			StackTraceElement[] trace = exception.getStackTrace();
			return trace.length > 0 && trace[0].getClassName().startsWith("org.camunda.bpm.engine.impl.");
		}

		private static boolean retryable(Command<?> command) {
			return Context.getCommandContext() == null && Context.getJobExecutorContext() == null
					&& !(command instanceof AcquireJobsCmd)
					&& !TransactionSynchronizationManager.isActualTransactionActive();
		}

		private static void pause(int attempt) {
			try {
				Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L << attempt));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting to run a command again", e);
			}
		}
	}
}
