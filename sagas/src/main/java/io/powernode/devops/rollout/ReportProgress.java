package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Degraded;
import io.powernode.devops.kernel.stack.DeploymentProgress.Failed;
import io.powernode.devops.kernel.stack.DeploymentProgress.RolledBack;
import io.powernode.devops.kernel.stack.DeploymentProgress.StepCompleted;
import io.powernode.devops.kernel.stack.DeploymentProgress.StepStarted;

import java.util.Map;

/**
 * Tells the stack how the deployment progressed; a final entry ends the rollout.
 *
 * @param key the entry's key within the attempt: sent again after a restart, the stack recognises and drops it
 */
record ReportProgress(String key, DeploymentProgress progress) implements Stage {

    static ReportProgress stepStarted(int step, String name) {
        return new ReportProgress("step-" + step + "-started", new StepStarted(step, name));
    }

    static ReportProgress stepCompleted(int step, String name) {
        return new ReportProgress("step-" + step + "-completed", new StepCompleted(step, name));
    }

    static ReportProgress completed(Map<String, String> activeServices) {
        return new ReportProgress("completed", new Completed(activeServices));
    }

    static ReportProgress rolledBack(String reason, Map<String, String> activeServices) {
        return new ReportProgress("rolled-back", new RolledBack(reason, activeServices));
    }

    static ReportProgress failed(String reason) {
        return new ReportProgress("failed", new Failed(reason));
    }

    static ReportProgress degraded(String reason) {
        return new ReportProgress("degraded", new Degraded(reason));
    }

    @Override
    public void begin(RolloutRun run) {
        run.report(key, progress);
        if (isFinal()) {
            run.end();
        } else {
            run.stageDone();
        }
    }

    private boolean isFinal() {
        return progress instanceof Completed || progress instanceof RolledBack || progress instanceof Failed
                || progress instanceof Degraded;
    }
}
