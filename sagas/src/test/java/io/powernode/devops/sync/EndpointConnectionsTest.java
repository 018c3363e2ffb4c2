package io.powernode.devops.sync;

import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.EndpointConnection;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.FindEndpointConnection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Connection details from the sync_targets table (H2, real migrations), scoped to the asking account. */
class EndpointConnectionsTest {

    private static final SealedCredentials SEALED = new SealedCredentials("mk-1", "c2VhbGVk");

    private final SyncTargets targets = new SyncTargets(H2Database.migrated());
    private final EndpointConnections connections = new EndpointConnections(targets);

    @Test
    void aHostOfTheAccountIsAnsweredWithItsCredentialsStillSealed() {
        targets.save(new SyncTarget("h1", EndpointKind.docker_host, "acc-1", "https://10.0.0.5:2376", true, SEALED,
                30, false));

        assertThat(connections.handle(new FindEndpointConnection("acc-1", "h1")))
                .isEqualTo(new EndpointConnection("h1", "https://10.0.0.5:2376", true, SEALED));
    }

    @Test
    void aClusterIsAnsweredByItsManagerEndpointEvenInMaintenance() {
        targets.save(new SyncTarget("c1", EndpointKind.swarm_cluster, "acc-1", "tcp://10.0.0.9:2375", false, null,
                30, true));

        assertThat(connections.handle(new FindEndpointConnection("acc-1", "c1")))
                .isEqualTo(new EndpointConnection("c1", "tcp://10.0.0.9:2375", false, null));
    }

    @Test
    void anotherAccountsEndpointIsAnsweredAsMissingLikeAnUnknownOne() {
        targets.save(new SyncTarget("h1", EndpointKind.docker_host, "acc-1", "https://10.0.0.5:2376", true, SEALED,
                30, false));

        assertThat(connections.handle(new FindEndpointConnection("acc-2", "h1"))).isNull();
        assertThat(connections.handle(new FindEndpointConnection("acc-1", "h-unknown"))).isNull();
    }
}
