package io.powernode.devops.rollout;

import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.kernel.swarm.SwarmOperation.ApplyService;
import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;
import io.powernode.devops.kernel.swarm.SwarmOperation.ExposeServiceEndpoint;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RollbackService;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.kernel.swarm.SwarmOperation.WithdrawServiceEndpoint;

/**
 * A Docker action a rollout takes, as a swarm operation of its cluster.
 *
 * @param key the action's name within the attempt, e.g. {@code green/web}; the operation's id derives from it,
 *            so asking again (after a restart) names the operation the cluster already knows
 */
record PlannedOperation(String key, SwarmOperation operation) {

    /** For reasons people read, e.g. {@code apply_service shop_web-green}. */
    String describe() {
        return SwarmOperation.typeOf(operation) + " " + subject();
    }

    /** A removal of a service that is gone already did what it was for. */
    boolean removes() {
        return operation instanceof RemoveService;
    }

    private String subject() {
        if (operation instanceof DeployStack deploy) {
            return deploy.plan().stack();
        } else if (operation instanceof ApplyService apply) {
            return apply.service().name();
        } else if (operation instanceof ScaleService scale) {
            return scale.serviceId() + " to " + scale.replicas();
        } else if (operation instanceof RemoveService remove) {
            return remove.serviceId();
        } else if (operation instanceof RollbackService rollback) {
            return rollback.serviceId();
        } else if (operation instanceof WithdrawServiceEndpoint withdraw) {
            return withdraw.service();
        } else if (operation instanceof ExposeServiceEndpoint expose) {
            return expose.service();
        }
        return "";
    }
}
