package io.powernode.devops.sync;

import com.github.dockerjava.api.DockerClient;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What syncing one kind of endpoint needs to know that the scheduler, the locks and the event feeds do not:
 * what to read, which commands report it, and which of the daemon's events matter.
 */
public interface EndpointSyncStrategy {

    EndpointKind kind();

    /**
     * Reads what the endpoint holds.
     *
     * @throws RuntimeException when the daemon cannot be read; the sync then reports {@link #failure}
     */
    Observation observe(String endpointId, DockerClient docker);

    /** The command that reports a sync that could not read the endpoint. */
    Object failure(String endpointId, String error, Instant observedAt);

    /** The command that records one event of the endpoint's live stream. */
    Object event(String endpointId, DockerEventRecord event);

    /** The Engine API's event filters for the endpoint's stream; empty for every event. */
    Map<String, List<String>> eventFilters();

    /** Whether the event may have changed what a sync reads, so an extra sync should follow soon. */
    boolean asksForSync(DockerEventRecord event);

    /**
     * @param report     the command that reports what was read
     * @param observedAt when it was read, by the platform's clock
     * @param settling   whether the endpoint was still converging (see {@link SyncResult#SETTLING})
     */
    record Observation(Object report, Instant observedAt, boolean settling) {
    }
}
