package io.powernode.devops.kernel.host;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.PageRequest;

import java.util.List;

/** Queries on hosts and their inventory; all are scoped to one account. */
public final class HostQueries {
    private HostQueries() {
    }

    /** Answers {@link HostViews.HostView}, or null when the account has no such host. */
    public record FindHost(String accountId, String hostId) {
    }

    /** Answers {@link HostViews.HostPage}; null filters match everything. */
    public record ListHosts(String accountId, ConnectionStatus status, DeploymentEnvironment environment, PageRequest page) {
    }

    public record ListContainers(String accountId, String hostId, String state, PageRequest page) {
    }

    public record ListImages(String accountId, String hostId, PageRequest page) {
    }

    public record ListNetworks(String accountId, String hostId, PageRequest page) {
    }

    public record ListVolumes(String accountId, String hostId, PageRequest page) {
    }

    /** Newest first. */
    public record ListDockerEvents(String accountId, String hostId, String type, String severity,
                                   PageRequest page) {
    }

    /**
     * The account's host feed. The initial result (a {@code List<HostFeedEntry>}) is empty when
     * {@code afterPosition} is negative: a new client starts from now and reads the current hosts from
     * {@link ListHosts}. Otherwise it holds the entries after {@code afterPosition}, oldest first and at most
     * 1000 of them: a client that receives a full 1000 may have missed more and should reload the hosts.
     * The updates are new {@link HostViews.HostFeedEntry} entries, numbered like the initial result's.
     */
    public record StreamHostFeed(String accountId, long afterPosition) {
    }

    /**
     * When each host last answered a sync. Answered by the sync process itself, because a sync that finds
     * nothing new records no event. Answers {@link LastSyncTimes}.
     */
    public record FindLastSyncTimes(List<String> hostIds) {
    }

    public record LastSyncTimes(java.util.Map<String, java.time.Instant> byHostId) {
    }
}
