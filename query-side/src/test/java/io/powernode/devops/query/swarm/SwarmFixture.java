package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRegistered;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNodesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmServicesChanged;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Cluster events and swarm items as the SwarmCluster aggregate and its sync would record them. */
final class SwarmFixture {
    static final String ACCOUNT = "acct-1";
    static final String OTHER_ACCOUNT = "acct-2";
    static final Instant OBSERVED = Instant.parse("2026-03-01T11:00:00Z");
    /** A recognisable sealed value: it must never reach a read model. */
    static final String CIPHERTEXT = "c3dhcm0tbWFuYWdlci1jbGllbnQta2V5";

    /** The person whose requests the API sends, as the metadata of the events they cause. */
    static final String ACTOR = "user-7";
    static final MetaData BY_ACTOR = MetaData.with(MessageMetadata.ACTOR_ID, ACTOR);

    private SwarmFixture() {
    }

    static ClusterRegistered registered(String clusterId, String accountId, String name,
                                        DeploymentEnvironment environment) {
        return new ClusterRegistered(clusterId, accountId, name, "tcp://" + name + ":2376", environment, true,
                new SealedCredentials("master-2026", CIPHERTEXT), 30, OBSERVED);
    }

    static NodeSummary manager(String id, String reachability) {
        return new NodeSummary(id, id + ".example", NodeRole.manager, NodeAvailability.active, NodeState.ready,
                reachability, false, "10.0.0." + id.length(), "27.3.1", Map.of("zone", "a"), 4_000_000_000L,
                8_000_000_000L);
    }

    static NodeSummary worker(String id, NodeState state) {
        return new NodeSummary(id, id + ".example", NodeRole.worker, NodeAvailability.active, state, null, false,
                "10.0.1." + id.length(), "27.3.1", Map.of(), 2_000_000_000L, 4_000_000_000L);
    }

    static ServiceSummary service(String id, String name, String stackOrNull, int desired, int running) {
        Map<String, String> labels = stackOrNull == null ? Map.of()
                : Map.of(SwarmInventoryKinds.STACK_LABEL, stackOrNull);
        return new ServiceSummary(id, name, ServiceMode.replicated, "shop/" + name + ":1.0", desired, running, null,
                null, labels, 7);
    }

    static SwarmNodesChanged nodesAdded(String clusterId, String accountId, NodeSummary... nodes) {
        return new SwarmNodesChanged(clusterId, accountId, List.of(nodes), List.of(), List.of(), OBSERVED);
    }

    static SwarmServicesChanged servicesAdded(String clusterId, String accountId, ServiceSummary... services) {
        return new SwarmServicesChanged(clusterId, accountId, List.of(services), List.of(), List.of(), OBSERVED);
    }
}
