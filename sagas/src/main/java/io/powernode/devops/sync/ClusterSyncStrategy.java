package io.powernode.devops.sync;

import com.github.dockerjava.api.DockerClient;
import io.powernode.devops.docker.SwarmInventoryReader;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterSync;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterSyncFailure;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmEvent;
import io.powernode.devops.kernel.swarm.SwarmInventory.ClusterSnapshot;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A swarm cluster, read through its manager endpoint. Only the swarm's own events are followed: the manager is
 * also a node running containers of its own, whose events are no concern of the cluster.
 */
@Component
public class ClusterSyncStrategy implements EndpointSyncStrategy {

    private static final Map<String, List<String>> SWARM_EVENTS = Map.of(
            "scope", List.of("swarm"),
            "type", List.of("service", "node", "secret", "config", "network"));

    private final SwarmInventoryReader reader;

    public ClusterSyncStrategy(SwarmInventoryReader reader) {
        this.reader = reader;
    }

    @Override
    public EndpointKind kind() {
        return EndpointKind.swarm_cluster;
    }

    @Override
    public Observation observe(String clusterId, DockerClient manager) {
        ClusterSnapshot snapshot = reader.read(manager);
        return new Observation(new RecordClusterSync(clusterId, snapshot), snapshot.observedAt());
    }

    @Override
    public Object failure(String clusterId, String error, Instant observedAt) {
        return new RecordClusterSyncFailure(clusterId, error, observedAt);
    }

    @Override
    public Object event(String clusterId, DockerEventRecord event) {
        return new RecordSwarmEvent(clusterId, event);
    }

    @Override
    public Map<String, List<String>> eventFilters() {
        return SWARM_EVENTS;
    }

    /** Every swarm event is about an object the cluster's snapshot lists (or a task of one). */
    @Override
    public boolean asksForSync(DockerEventRecord event) {
        return true;
    }
}
