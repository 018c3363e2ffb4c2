package io.powernode.devops.kernel.swarm;

import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.swarm.SwarmInventory.ConfigSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SecretSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmInfo;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmNetworkSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.TaskSummary;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a swarm cluster. The connection lifecycle mirrors a host's (same statuses, same
 * 5-failure rule, every transition says why); the inventory events carry diffs, so a sync that finds
 * nothing new records nothing. Credentials only ever appear sealed.
 */
public final class ClusterEvents {
    private ClusterEvents() {
    }

    public record ClusterRegistered(String clusterId, String accountId, String name, String managerEndpoint,
                                    DeploymentEnvironment environment, boolean tlsVerify,
                                    SealedCredentials credentials, int syncIntervalSeconds, Instant registeredAt) {
    }

    public record ClusterDetailsChanged(String clusterId, String accountId, String name, String managerEndpoint,
                                        DeploymentEnvironment environment, boolean tlsVerify,
                                        int syncIntervalSeconds, List<String> changedFields, Instant changedAt) {
    }

    public record ClusterCredentialsReplaced(String clusterId, String accountId, SealedCredentials credentials,
                                             Instant replacedAt) {
    }

    public record ClusterRemoved(String clusterId, String accountId, String name, Instant removedAt) {
    }

    public record ClusterConnected(String clusterId, String accountId, ConnectionStatus previousStatus,
                                   String reason, Instant connectedAt) {
    }

    public record ClusterSyncFailed(String clusterId, String accountId, int consecutiveFailures, String error,
                                    Instant failedAt) {
    }

    public record ClusterDisconnected(String clusterId, String accountId, String reason, Instant disconnectedAt) {
    }

    public record ClusterMarkedError(String clusterId, String accountId, ConnectionStatus previousStatus,
                                     int consecutiveFailures, String reason, Instant markedAt) {
    }

    public record ClusterMaintenanceStarted(String clusterId, String accountId, ConnectionStatus previousStatus,
                                            String reason, Instant startedAt) {
    }

    public record ClusterMaintenanceEnded(String clusterId, String accountId, Instant endedAt) {
    }

    public record ClusterRecoveryRecorded(String clusterId, String accountId, ConnectionStatus previousStatus,
                                          int clearedFailures, Instant recordedAt) {
    }

    public record SwarmInfoChanged(String clusterId, String accountId, SwarmInfo swarm, Instant observedAt) {
    }

    public record SwarmNodesChanged(String clusterId, String accountId, List<NodeSummary> added,
                                    List<NodeSummary> changed, List<String> removedIds, Instant observedAt) {
    }

    public record SwarmServicesChanged(String clusterId, String accountId, List<ServiceSummary> added,
                                       List<ServiceSummary> changed, List<String> removedIds, Instant observedAt) {
    }

    public record SwarmTasksChanged(String clusterId, String accountId, List<TaskSummary> added,
                                    List<TaskSummary> changed, List<String> removedIds, Instant observedAt) {
    }

    public record SwarmNetworksChanged(String clusterId, String accountId, List<SwarmNetworkSummary> added,
                                       List<SwarmNetworkSummary> changed, List<String> removedIds,
                                       Instant observedAt) {
    }

    public record SwarmVolumesChanged(String clusterId, String accountId, List<VolumeSummary> added,
                                      List<VolumeSummary> changed, List<String> removedNames, Instant observedAt) {
    }

    public record SwarmSecretsChanged(String clusterId, String accountId, List<SecretSummary> added,
                                      List<SecretSummary> changed, List<String> removedIds, Instant observedAt) {
    }

    public record SwarmConfigsChanged(String clusterId, String accountId, List<ConfigSummary> added,
                                      List<ConfigSummary> changed, List<String> removedIds, Instant observedAt) {
    }

    public record SwarmEventObserved(String clusterId, String accountId, DockerEventRecord event) {
    }

    /** @param operation what was asked, with secret values sealed */
    public record SwarmOperationRequested(String clusterId, String accountId, String operationId,
                                          SwarmOperation operation, Instant requestedAt) {
    }

    /** @param attemptId which handling of the request began it (see {@code BeginSwarmOperation}) */
    public record SwarmOperationStarted(String clusterId, String accountId, String operationId,
                                        String operationType, Instant startedAt, String attemptId) {
    }

    public record SwarmOperationSucceeded(String clusterId, String accountId, String operationId,
                                          String operationType, String resourceId, List<String> notes,
                                          Instant completedAt) {
    }

    public record SwarmOperationFailed(String clusterId, String accountId, String operationId,
                                       String operationType, OperationFailure failure, Instant failedAt) {
    }
}
