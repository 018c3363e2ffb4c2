package io.powernode.devops.kernel.swarm;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.swarm.SwarmInventory.ClusterSnapshot;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.List;

/**
 * Commands on a swarm cluster, registered by its manager endpoint exactly as a host is. Those a user sends
 * carry the account the API authenticated; the cluster refuses (as "not found") any other account. Those the
 * sync process sends report what it observed.
 */
public final class ClusterCommands {
    private ClusterCommands() {
    }

    public record RegisterCluster(@TargetAggregateIdentifier String clusterId, String accountId, String name,
                                  String managerEndpoint, DeploymentEnvironment environment, boolean tlsVerify,
                                  SealedCredentials credentials, int syncIntervalSeconds) {
    }

    /** As UpdateHost: null fields are left as they are. */
    public record UpdateCluster(@TargetAggregateIdentifier String clusterId, String accountId, String name,
                                String managerEndpoint, DeploymentEnvironment environment, Boolean tlsVerify,
                                SealedCredentials newCredentials, boolean removeCredentials,
                                Integer syncIntervalSeconds, @TargetAggregateVersion Long expectedVersion) {
    }

    public record RemoveCluster(@TargetAggregateIdentifier String clusterId, String accountId) {
    }

    public record StartClusterMaintenance(@TargetAggregateIdentifier String clusterId, String accountId,
                                          String reason) {
    }

    public record EndClusterMaintenance(@TargetAggregateIdentifier String clusterId, String accountId) {
    }

    public record RecordClusterRecovery(@TargetAggregateIdentifier String clusterId, String accountId) {
    }

    public record RecordClusterSync(@TargetAggregateIdentifier String clusterId, ClusterSnapshot snapshot) {
    }

    public record RecordClusterSyncFailure(@TargetAggregateIdentifier String clusterId, String error,
                                           Instant observedAt) {
    }

    /** One entry of the manager's event stream (scope swarm: nodes, services, secrets, configs …). */
    public record RecordSwarmEvent(@TargetAggregateIdentifier String clusterId, DockerEventRecord event) {
    }

    /**
     * Registers a cluster by creating its swarm: the host's daemon becomes the first manager and the cluster's
     * manager endpoint, reached with the host's (sealed) credentials. The {@link SwarmOperation.InitSwarm}
     * runs as the cluster's first operation.
     */
    public record InitSwarmCluster(@TargetAggregateIdentifier String clusterId, String accountId, String name,
                                   String managerEndpoint, DeploymentEnvironment environment, boolean tlsVerify,
                                   SealedCredentials credentials, int syncIntervalSeconds, String operationId,
                                   SwarmOperation.InitSwarm init) {
    }

    /** A user's request for Docker to do something on the cluster; answers the operation id. */
    public record RequestSwarmOperation(@TargetAggregateIdentifier String clusterId, String accountId,
                                        String operationId, SwarmOperation operation) {
    }

    /**
     * The Docker gateway is about to carry the operation out. Refused unless the operation is requested and
     * not begun — or begun by this same attempt, whose answer was lost and which asks again — which makes
     * execution at-most-once when an event is handled again after a restart.
     *
     * @param attemptId the gateway's own id for this handling of the request
     */
    public record BeginSwarmOperation(@TargetAggregateIdentifier String clusterId, String operationId,
                                      String attemptId) {
    }

    /**
     * @param resourceId the id of what was created or changed (service, secret, network, node, swarm …)
     * @param notes      what an operator should know, e.g. the services a rotation repointed
     */
    public record RecordSwarmOperationSucceeded(@TargetAggregateIdentifier String clusterId, String operationId,
                                                String resourceId, List<String> notes) {
    }

    public record RecordSwarmOperationFailed(@TargetAggregateIdentifier String clusterId, String operationId,
                                             OperationFailure failure) {
    }
}
