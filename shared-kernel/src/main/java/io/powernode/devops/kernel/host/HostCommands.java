package io.powernode.devops.kernel.host;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.HostInventory.HostSnapshot;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Commands on a Docker host. Those a user sends carry the account that the API authenticated; the host
 * refuses (as "not found") a command from any other account. Those the sync process sends report what
 * it observed.
 */
public final class HostCommands {
    private HostCommands() {
    }

    public record RegisterHost(@TargetAggregateIdentifier String hostId, String accountId, String name,
                               String apiEndpoint, DeploymentEnvironment environment, boolean tlsVerify,
                               SealedCredentials credentials, int syncIntervalSeconds) {
    }

    /**
     * Changes the given fields; a null field is left as it is. Credentials are replaced when
     * {@code newCredentials} is set and dropped when {@code removeCredentials} is true.
     * {@code expectedVersion}, when set, is the aggregate version the caller saw (HTTP If-Match).
     */
    public record UpdateHost(@TargetAggregateIdentifier String hostId, String accountId, String name,
                             String apiEndpoint, DeploymentEnvironment environment, Boolean tlsVerify,
                             SealedCredentials newCredentials, boolean removeCredentials,
                             Integer syncIntervalSeconds, @TargetAggregateVersion Long expectedVersion) {
    }

    public record RemoveHost(@TargetAggregateIdentifier String hostId, String accountId) {
    }

    public record StartHostMaintenance(@TargetAggregateIdentifier String hostId, String accountId, String reason) {
    }

    public record EndHostMaintenance(@TargetAggregateIdentifier String hostId, String accountId) {
    }

    /** The runbook's manual {@code record_success!}: the operator vouches the host is healthy again. */
    public record RecordHostRecovery(@TargetAggregateIdentifier String hostId, String accountId) {
    }

    /** A sync reached the daemon and read this snapshot. */
    public record RecordHostSync(@TargetAggregateIdentifier String hostId, HostSnapshot snapshot) {
    }

    /** A sync could not reach or read the daemon. */
    public record RecordHostSyncFailure(@TargetAggregateIdentifier String hostId, String error, Instant observedAt) {
    }

    /** One entry of the host's live Docker event stream. */
    public record RecordDockerEvent(@TargetAggregateIdentifier String hostId, DockerEventRecord event) {
    }
}
