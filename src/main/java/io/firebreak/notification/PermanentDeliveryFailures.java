package io.firebreak.notification;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A delivery that can never succeed (a chat webhook answering 4xx) should not wait through
 * every retry: its job goes straight to zero retries, which raises the Cockpit incident now.
 * Every other failure follows the job's retry cycle as usual.
 */
@Component
class PermanentDeliveryFailures extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFailedJobCommandFactory(FailFastJobRetryCmd::new);
	}

	static class FailFastJobRetryCmd extends DefaultJobRetryCmd {

		FailFastJobRetryCmd(String jobId, Throwable exception) {
			super(jobId, exception);
		}

		@Override
		public Object execute(CommandContext commandContext) {
			if (!permanent(exception)) {
				return super.execute(commandContext);
			}
			JobEntity job = getJob();
			if (job != null) {
				logException(job);
				job.unlock();
				job.setRetries(0);
				notifyAcquisition(commandContext);
			}
			return null;
		}

		private static boolean permanent(Throwable exception) {
			for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
				if (cause instanceof DeliveryFailure failure) {
					return failure.permanent();
				}
			}
			return false;
		}
	}
}
