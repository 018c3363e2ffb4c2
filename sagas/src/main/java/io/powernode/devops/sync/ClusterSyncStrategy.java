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
import java.util.Objects;
import java.util.Set;

/**
 * A swarm cluster, read through its manager endpoint. Only the swarm's own events are followed: the manager is
 * also a node running containers of its own, whose events are no concern of the cluster.
 */
@Component
public class ClusterSyncStrategy implements EndpointSyncStrategy {

    private static final Map<String, List<String>> SWARM_EVENTS = Map.of(
            "scope", List.of("swarm"),
            "type", List.of("service", "node", "secret", "config", "network"));

    /** Docker's UpdateStatus states in which an update or rollback is under way (not paused, not done). */
    private static final Set<String> IN_PROGRESS_UPDATES = Set.of("updating", "rollback_started");
    /** Task states that end a task: it changes no more, and a replacement is another task. */
    private static final Set<String> ENDED_TASKS = Set.of("failed", "rejected", "complete", "shutdown", "orphaned",
            "remove");

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
        return new Observation(new RecordClusterSync(clusterId, snapshot), snapshot.observedAt(), converging(snapshot));
    }

    /**
     * Whether some service is still on its way: a replicated one short of its replicas, an update or rollback
     * in progress, or a task not yet where Swarm wants it (starting, being prepared to replace another, or still
     * running though told to shut down), which covers global services and drained nodes too.
     */
    static boolean converging(ClusterSnapshot snapshot) {
        boolean shortOfReplicas = snapshot.services().stream().anyMatch(service -> service.desiredReplicas() != null
                && service.runningTasks() != service.desiredReplicas());
        boolean updating = snapshot.services().stream().anyMatch(service -> service.updateState() != null
                && IN_PROGRESS_UPDATES.contains(service.updateState()));
        boolean tasksMoving = snapshot.tasks().stream().anyMatch(task -> !ENDED_TASKS.contains(task.state())
                && !Objects.equals(task.state(), task.desiredState()));
        return shortOfReplicas || updating || tasksMoving;
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
