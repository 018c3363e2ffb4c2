package io.powernode.devops.kernel.stack;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happened to a stack and its deployments. Revisions travel whole (compose file, conversion, options), so a
 * replay rebuilds what each deployment applied, and an auditor can read it; secret file contents only sealed.
 */
public final class StackEvents {
    private StackEvents() {
    }

    /**
     * Everything the rollout needs to carry a deployment out, as the stack decided it.
     *
     * @param attempt         1 for the first run, one more for each retry
     * @param changedServices the compose services whose spec differs from the revision that is live (all of them
     *                        when the platform has not deployed the stack before)
     * @param activeServices  compose service to the Docker service that serves it now (a blue-green deployment may
     *                        have left the green one serving); services not named are {@code <stack>_<service>}
     */
    public record DeploymentOrder(String clusterId, String stackName, String deploymentId, int attempt,
                                  StackRevision revision, Strategy strategy, List<String> changedServices,
                                  Map<String, String> activeServices) {
        public DeploymentOrder {
            changedServices = List.copyOf(changedServices);
            activeServices = Map.copyOf(activeServices);
        }
    }

    /**
     * @param basedOnDeploymentId the deployment whose revision a redeploy or a rollback applies again; null for a
     *                            new revision
     * @param previousRevision    the revision live when the deployment was asked for; null for the first
     */
    public record StackDeploymentRequested(String stackId, String accountId, DeploymentOrder order,
                                           DeploymentTrigger trigger, String basedOnDeploymentId,
                                           Integer previousRevision, List<String> warnings, Instant requestedAt) {
        public StackDeploymentRequested {
            warnings = List.copyOf(warnings);
        }

        /** For sagas, which associate with a deployment by this property. */
        public String deploymentId() {
            return order.deploymentId();
        }
    }

    /** @param order the deployment's order again, with its next attempt number */
    public record DeploymentRetried(String stackId, String accountId, DeploymentOrder order, Instant retriedAt) {

        /** For sagas, which associate with a deployment by this property. */
        public String deploymentId() {
            return order.deploymentId();
        }
    }

    /**
     * @param key   the report's key within its attempt, kept so that a stack rebuilt from its events still drops the
     *              report if the rollout sends it again
     * @param phase where the deployment stands after this entry
     */
    public record DeploymentProgressed(String stackId, String accountId, String deploymentId, int attempt, String key,
                                       DeploymentProgress progress, DeploymentPhase phase, Instant at) {
    }

    public record DeploymentPromoted(String stackId, String accountId, String deploymentId, boolean full,
                                     Instant promotedAt) {
    }

    public record DeploymentPaused(String stackId, String accountId, String deploymentId, Instant pausedAt) {
    }

    public record DeploymentResumed(String stackId, String accountId, String deploymentId, Instant resumedAt) {
    }

    /**
     * @param asRollback asked for as a rollback: it ends {@code rolled_back}, an abort {@code aborted}
     */
    public record DeploymentAbortRequested(String stackId, String accountId, String deploymentId, boolean asRollback,
                                           Instant requestedAt) {
    }

    public record StackRemovalRequested(String stackId, String accountId, String clusterId, String stackName,
                                        String removalId, Instant requestedAt) {
    }

    public record StackRemoved(String stackId, String accountId, String clusterId, String stackName,
                               Instant removedAt) {
    }

    public record StackRemovalFailed(String stackId, String accountId, String clusterId, String stackName,
                                     String reason, Instant failedAt) {
    }
}
