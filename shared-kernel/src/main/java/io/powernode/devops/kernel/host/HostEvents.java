package io.powernode.devops.kernel.host;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.host.HostInventory.ContainerSummary;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.HostInventory.HostSystemInfo;
import io.powernode.devops.kernel.host.HostInventory.ImageSummary;
import io.powernode.devops.kernel.host.HostInventory.NetworkSummary;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a Docker host. Every event names its account so that projections can scope it, and
 * every status transition says why. Credentials only ever appear sealed.
 */
public final class HostEvents {
    private HostEvents() {
    }

    public record HostRegistered(String hostId, String accountId, String name, String apiEndpoint,
                                 DeploymentEnvironment environment, boolean tlsVerify, SealedCredentials credentials,
                                 int syncIntervalSeconds, Instant registeredAt) {
    }

    /** The user changed connection or scheduling details; carries the full new values and which changed. */
    public record HostDetailsChanged(String hostId, String accountId, String name, String apiEndpoint,
                                     DeploymentEnvironment environment, boolean tlsVerify, int syncIntervalSeconds,
                                     List<String> changedFields, Instant changedAt) {
    }

    /** New TLS credentials, or none when {@code credentials} is null. */
    public record HostCredentialsReplaced(String hostId, String accountId, SealedCredentials credentials,
                                          Instant replacedAt) {
    }

    public record HostRemoved(String hostId, String accountId, String name, Instant removedAt) {
    }

    /** A sync succeeded while the host was not connected. */
    public record HostConnected(String hostId, String accountId, ConnectionStatus previousStatus, String reason,
                                Instant connectedAt) {
    }

    /** A sync failed; {@code consecutiveFailures} counts this one. */
    public record HostSyncFailed(String hostId, String accountId, int consecutiveFailures, String error,
                                 Instant failedAt) {
    }

    /** A connected host stopped answering. */
    public record HostDisconnected(String hostId, String accountId, String reason, Instant disconnectedAt) {
    }

    /** Too many consecutive failures: the host needs attention. */
    public record HostMarkedError(String hostId, String accountId, ConnectionStatus previousStatus,
                                  int consecutiveFailures, String reason, Instant markedAt) {
    }

    public record HostMaintenanceStarted(String hostId, String accountId, ConnectionStatus previousStatus, String reason,
                                         Instant startedAt) {
    }

    /** Maintenance is over: the host is pending again until a sync confirms it answers. */
    public record HostMaintenanceEnded(String hostId, String accountId, Instant endedAt) {
    }

    /** An operator vouched for the host (record_success): failures cleared, status connected. */
    public record HostRecoveryRecorded(String hostId, String accountId, ConnectionStatus previousStatus,
                                       int clearedFailures, Instant recordedAt) {
    }

    public record HostSystemInfoChanged(String hostId, String accountId, HostSystemInfo systemInfo,
                                        Instant observedAt) {
    }

    public record HostContainersChanged(String hostId, String accountId, List<ContainerSummary> added,
                                        List<ContainerSummary> changed, List<String> removedIds,
                                        Instant observedAt) {
    }

    public record HostImagesChanged(String hostId, String accountId, List<ImageSummary> added,
                                    List<ImageSummary> changed, List<String> removedIds, Instant observedAt) {
    }

    public record HostNetworksChanged(String hostId, String accountId, List<NetworkSummary> added,
                                      List<NetworkSummary> changed, List<String> removedIds, Instant observedAt) {
    }

    /** Volumes are keyed by name, so {@code removedNames}. */
    public record HostVolumesChanged(String hostId, String accountId, List<VolumeSummary> added,
                                     List<VolumeSummary> changed, List<String> removedNames, Instant observedAt) {
    }

    public record DockerEventObserved(String hostId, String accountId, DockerEventRecord event) {
    }
}
