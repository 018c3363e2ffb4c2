package io.powernode.devops.kernel.stack;

import io.powernode.devops.kernel.stack.StackRevision.ComposeSource;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Commands on a stack (see {@link StackIds} for its id) and on its deployments. Those a user sends carry the
 * account the API authenticated; the stack refuses (as "not found") any other account. Those the rollout sends
 * report what it did and are never refused: a report the stack already has, or that is late, is dropped.
 */
public final class StackCommands {
    private StackCommands() {
    }

    /**
     * Deploys a new revision: the stack's first deployment creates it, also over a stack the CLI deployed.
     *
     * @param warnings what the conversion ignored, as {@code docker stack deploy} would have warned
     */
    public record DeployStack(@TargetAggregateIdentifier String stackId, String accountId, String clusterId,
                              String stackName, String deploymentId, ComposeSource source, StackPlan plan,
                              DeployOptions options, Strategy strategy, List<String> warnings) {
    }

    /** Deploys the revision {@code sourceDeploymentId} applied again, as the new deployment {@code deploymentId}. */
    public record RedeployRevision(@TargetAggregateIdentifier String stackId, String accountId,
                                   String sourceDeploymentId, String deploymentId, Strategy strategy) {
    }

    /**
     * Undoes a deployment. An active blue-green or canary one is rolled back in place (the stable version gets the
     * endpoint back); a finished one by a new deployment, {@code newDeploymentId}, of the revision before it, which
     * also removes the services that revision did not have. Answers the id of the deployment that rolls back.
     */
    public record RollbackDeployment(@TargetAggregateIdentifier String stackId, String accountId,
                                     String deploymentId, String newDeploymentId, Strategy strategy) {
    }

    /** Passes a step that waits for a promote, or the current step; {@code full} skips every step left. */
    public record PromoteDeployment(@TargetAggregateIdentifier String stackId, String accountId,
                                    String deploymentId, boolean full) {
    }

    public record PauseDeployment(@TargetAggregateIdentifier String stackId, String accountId, String deploymentId) {
    }

    public record ResumeDeployment(@TargetAggregateIdentifier String stackId, String accountId, String deploymentId) {
    }

    /** The stable version gets the endpoint back and the new one is removed. */
    public record AbortDeployment(@TargetAggregateIdentifier String stackId, String accountId, String deploymentId) {
    }

    /** Runs an aborted, rolled back, failed or degraded deployment again from its start. */
    public record RetryDeployment(@TargetAggregateIdentifier String stackId, String accountId, String deploymentId) {
    }

    /** Removes everything the stack holds, as {@code docker stack rm}; also a stack only the CLI deployed. */
    public record RemoveStack(@TargetAggregateIdentifier String stackId, String accountId, String clusterId,
                              String stackName, String removalId) {
    }

    /**
     * @param attempt which run of the deployment reports (a retry starts a new one)
     * @param key     the report's stable key within the attempt: a report sent again is recognised and dropped
     */
    public record RecordDeploymentProgress(@TargetAggregateIdentifier String stackId, String deploymentId,
                                           int attempt, String key, DeploymentProgress progress) {
    }

    public record RecordStackRemoved(@TargetAggregateIdentifier String stackId, String removalId) {
    }

    public record RecordStackRemovalFailed(@TargetAggregateIdentifier String stackId, String removalId,
                                           String reason) {
    }
}
