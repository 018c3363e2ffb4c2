package io.powernode.devops.kernel.swarm;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.swarm.SwarmInventory.ClusterSnapshot;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

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
}
