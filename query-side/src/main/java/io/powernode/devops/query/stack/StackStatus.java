package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.StackViews;
import io.powernode.devops.kernel.stack.StackViews.StackServiceView;

import java.util.List;
import java.util.Set;

/**
 * A stack's status in one word, the most pressing first: being removed, then deploying, then degraded (a service
 * short of tasks or with a stopped update, or a last deployment that failed or ended degraded: what was asked is not
 * what runs), else running.
 * A stack that was removed and that no service names any more is {@link StackViews#REMOVED}: it is only found by its id, for
 * its history, and "running" would say the opposite of the truth.
 */
final class StackStatus {
    /** Docker's update states of a service whose update stopped or was undone: its tasks are not what it asks. */
    private static final Set<String> STOPPED_UPDATES =
            Set.of("paused", "rollback_started", "rollback_paused", "rollback_completed");

    private StackStatus() {
    }

    /** @param lastPhase the phase of the stack's last deployment, null when the platform never deployed it */
    static String of(boolean removing, boolean deploying, boolean removed, DeploymentPhase lastPhase,
                     List<StackServiceView> services) {
        if (removing) {
            return StackViews.REMOVING;
        }
        if (deploying) {
            return StackViews.DEPLOYING;
        }
        if (lastPhase == DeploymentPhase.failed || lastPhase == DeploymentPhase.degraded
                || services.stream().anyMatch(StackStatus::degraded)) {
            return StackViews.DEGRADED;
        }
        return removed && services.isEmpty() ? StackViews.REMOVED : StackViews.RUNNING;
    }

    /** A global service asks for no count (its tasks follow the nodes), so only its update can tell. */
    private static boolean degraded(StackServiceView service) {
        boolean missingTasks = service.desiredReplicas() != null
                && service.runningTasks() < service.desiredReplicas();
        return missingTasks || service.updateState() != null && STOPPED_UPDATES.contains(service.updateState());
    }
}
