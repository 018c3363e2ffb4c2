package io.powernode.devops.sync;

import com.github.dockerjava.api.DockerClient;
import io.powernode.devops.docker.HostInventoryReader;
import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSync;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSyncFailure;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.HostInventory.HostSnapshot;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A standalone host: its whole inventory, and every event of its daemon. */
@Component
public class HostSyncStrategy implements EndpointSyncStrategy {

    /** The event types of the objects a host snapshot lists. */
    private static final Set<String> INVENTORY_TYPES = Set.of("container", "image", "network", "volume");

    private final HostInventoryReader reader;

    public HostSyncStrategy(HostInventoryReader reader) {
        this.reader = reader;
    }

    @Override
    public EndpointKind kind() {
        return EndpointKind.docker_host;
    }

    @Override
    public Observation observe(String hostId, DockerClient docker) {
        HostSnapshot snapshot = reader.read(docker);
        return new Observation(new RecordHostSync(hostId, snapshot), snapshot.observedAt(), false);
    }

    @Override
    public Object failure(String hostId, String error, Instant observedAt) {
        return new RecordHostSyncFailure(hostId, error, observedAt);
    }

    @Override
    public Object event(String hostId, DockerEventRecord event) {
        return new RecordDockerEvent(hostId, event);
    }

    @Override
    public Map<String, List<String>> eventFilters() {
        return Map.of();
    }

    @Override
    public boolean asksForSync(DockerEventRecord event) {
        return INVENTORY_TYPES.contains(event.type());
    }
}
