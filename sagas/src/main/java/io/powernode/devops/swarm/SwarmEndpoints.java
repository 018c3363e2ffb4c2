package io.powernode.devops.swarm;

import io.powernode.devops.docker.DockerClientFactory;
import io.powernode.devops.docker.DockerConnection;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.secrets.CredentialSealer;
import io.powernode.devops.sync.EndpointKind;
import io.powernode.devops.sync.SyncTarget;
import io.powernode.devops.sync.SyncTargets;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a cluster's manager and a registered host are reached, from the {@code sync_targets} rows the sync keeps.
 * Credentials are opened only here, right before a connection is made, and a row of another account is treated
 * as missing, so one account can never reach another's daemons.
 */
@Component
public class SwarmEndpoints {

    private static final long POLL_MILLIS = 200;

    private final SyncTargets targets;
    private final CredentialSealer sealer;
    private final DockerClientFactory factory;
    private final Duration targetWait;

    public SwarmEndpoints(SyncTargets targets, CredentialSealer sealer, DockerClientFactory factory,
                   SwarmOperationSettings settings) {
        this.targets = targets;
        this.sealer = sealer;
        this.factory = factory;
        this.targetWait = settings.targetWait();
    }

    /**
     * For an operation: waits a little for the row of a cluster registered a moment ago. A cluster still unknown
     * then is unavailable (its registration may not be processed yet); one of another account is not found.
     */
    DockerConnection manager(String clusterId, String accountId) {
        SyncTarget row = await(clusterId).orElseThrow(() -> new OperationFailed(Kind.unavailable,
                "cluster " + clusterId + " is not known to the Docker gateway yet; try again shortly"));
        SyncTarget cluster = owned(row, EndpointKind.swarm_cluster, accountId)
                .orElseThrow(() -> new OperationFailed(Kind.not_found, "cluster " + clusterId + " is not registered"));
        return factory.connect(cluster.connection(sealer));
    }

    /** For an operation on a host's own daemon (init, join, leave); another account's host is not found. */
    DockerConnection host(String hostId, String accountId) {
        SyncTarget host = await(hostId).flatMap(row -> owned(row, EndpointKind.docker_host, accountId))
                .orElseThrow(() -> new OperationFailed(Kind.not_found, "host " + hostId + " is not registered"));
        return factory.connect(host.connection(sealer));
    }

    /** For a live query (or a rollout's probe): the account's cluster at once, or nothing. */
    public Optional<DockerConnection> managerIfOwned(String clusterId, String accountId) {
        return targets.find(clusterId).flatMap(row -> owned(row, EndpointKind.swarm_cluster, accountId))
                .map(cluster -> factory.connect(cluster.connection(sealer)));
    }

    private Optional<SyncTarget> await(String endpointId) {
        long deadline = System.nanoTime() + targetWait.toNanos();
        while (true) {
            Optional<SyncTarget> row = targets.find(endpointId);
            if (row.isPresent() || System.nanoTime() > deadline) {
                return row;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private static Optional<SyncTarget> owned(SyncTarget row, EndpointKind kind, String accountId) {
        return row.kind() == kind && row.accountId().equals(accountId) ? Optional.of(row) : Optional.empty();
    }
}
