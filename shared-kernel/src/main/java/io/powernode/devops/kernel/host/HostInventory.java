package io.powernode.devops.kernel.host;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a sync observes on a Docker host: value objects that events and commands carry. */
public final class HostInventory {
    private HostInventory() {
    }

    /** The daemon's own description of itself (GET /info and /version). */
    public record HostSystemInfo(String hostname, String dockerVersion, String apiVersion, String osType,
                                 String operatingSystem, String kernelVersion, String architecture,
                                 int cpuCount, long memoryBytes) {
    }

    /**
     * A container as the inventory tracks it. Only fields whose change means something to an operator:
     * the CLI's "Up 3 minutes" status text changes every second and is left out; health is parsed from it.
     */
    public record ContainerSummary(String id, String name, String image, String imageId, String state,
                                   String health, Instant createdAt, Map<String, String> labels) {
    }

    public record ImageSummary(String id, List<String> repoTags, long sizeBytes, Instant createdAt) {
    }

    public record NetworkSummary(String id, String name, String driver, String scope, boolean internal,
                                 boolean attachable) {
    }

    /** Volumes are identified by name: the Engine API gives them no other id. */
    public record VolumeSummary(String name, String driver, String mountpoint, String scope,
                                Map<String, String> labels) {
    }

    /** Everything one successful sync saw, at one moment. */
    public record HostSnapshot(HostSystemInfo systemInfo, List<ContainerSummary> containers,
                               List<ImageSummary> images, List<NetworkSummary> networks,
                               List<VolumeSummary> volumes, Instant observedAt) {
    }

    /**
     * One entry of the daemon's event stream (GET /events). timeNano orders them and, with the other
     * fields, identifies a repeat after the stream is re-opened.
     */
    public record DockerEventRecord(String type, String action, String actorId, Map<String, String> attributes,
                                    String scope, long timeNano) {
        public Instant time() {
            return Instant.ofEpochSecond(0, timeNano);
        }
    }
}
