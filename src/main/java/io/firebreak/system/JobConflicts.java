package io.firebreak.system;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A job that lost a race with another transaction on the same incident (the engine's optimistic
 * lock: a person completed a task while a notice job ran, say) is run again at once, without
 * using up a retry. Camunda treats the clash as a failure: the job waited out the first retry
 * interval (10 s for Firebreak's notices) and the incident's next step came that much later. The
 * other transaction has committed by the time the clash is seen, so running again is what
 * resolves it. Every other failure goes to the retry policy configured before (see
 * {@code PermanentDeliveryFailures}).
 */
@Component
class JobConflicts extends AbstractProcessEnginePlugin {

	// after every plugin's preInit, so that this wraps whichever policy they set
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		FailedJobCommandFactory failures = configuration.getFailedJobCommandFactory();
		configuration.setFailedJobCommandFactory(
				(jobId, exception) -> lostRace(exception) ? new RunAgain(jobId, exception) : failures.getCommand(jobId, exception));
	}

	static boolean lostRace(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException) {
				return true;
			}
		}
		return false;
	}

	static class RunAgain extends DefaultJobRetryCmd {

		RunAgain(String jobId, Throwable exception) {
			super(jobId, exception);
		}

		@Override
		public Object execute(CommandContext commandContext) {
			JobEntity job = getJob();
			if (job != null) {
				job.unlock();
				notifyAcquisition(commandContext);
			}
			return null;
		}
	}
}
