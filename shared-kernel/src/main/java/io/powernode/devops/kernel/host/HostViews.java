package io.powernode.devops.kernel.host;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.PageInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Read models of hosts and their inventory, as queries answer them. Never credentials. */
public final class HostViews {
    private HostViews() {
    }

    public record HostView(String id, String accountId, String name, String apiEndpoint,
                           DeploymentEnvironment environment, boolean tlsVerify, boolean hasTlsCredentials,
                           ConnectionStatus status, int consecutiveFailures, Instant lastSyncedAt, String lastError,
                           String dockerVersion, String apiVersion, String osType, String architecture,
                           Integer cpuCount, Long memoryBytes, int containerCount, int imageCount,
                           int syncIntervalSeconds, long version, Instant createdAt, Instant updatedAt) {
    }

    public record HostPage(List<HostView> items, PageInfo page) {
    }

    public record ContainerView(String hostId, String id, String name, String image, String imageId,
                                String state, String health, Instant createdAt, Map<String, String> labels,
                                Instant observedAt) {
    }

    public record ContainerPage(List<ContainerView> items, PageInfo page) {
    }

    public record ImageView(String hostId, String id, List<String> repoTags, long sizeBytes, Instant createdAt,
                            Instant observedAt) {
    }

    public record ImagePage(List<ImageView> items, PageInfo page) {
    }

    public record NetworkView(String hostId, String id, String name, String driver, String scope,
                              boolean internal, boolean attachable, Instant observedAt) {
    }

    public record NetworkPage(List<NetworkView> items, PageInfo page) {
    }

    public record VolumeView(String hostId, String name, String driver, String mountpoint, String scope,
                             Map<String, String> labels, Instant observedAt) {
    }

    public record VolumePage(List<VolumeView> items, PageInfo page) {
    }

    /** severity: error (a container died with a non-zero code, was OOM-killed …), warning or info. */
    public record DockerEventView(String id, String hostId, String type, String action, String actorId,
                                  Map<String, String> attributes, String scope, String severity, Instant time) {
    }

    public record DockerEventPage(List<DockerEventView> items, PageInfo page) {
    }

    /**
     * One change of a host for the account's SSE stream. {@code position} is the entry's number in the feed,
     * given by the projection in the order it handled the events (not the event's global position in the
     * event store, which a SQL store can make visible out of order): strictly increasing, and the same number
     * in the initial result and in live updates, so a client resumes after the last one it saw. Numbers may
     * have gaps.
     */
    public record HostFeedEntry(long position, String accountId, String hostId, String eventType,
                                Instant occurredAt, HostView host, Map<String, Object> change) {
    }
}
