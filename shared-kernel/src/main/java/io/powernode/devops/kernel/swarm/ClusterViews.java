package io.powernode.devops.kernel.swarm;

import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.PageInfo;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Read models of swarm clusters and their inventory, as queries answer them. Never credentials or secret values. */
public final class ClusterViews {
    private ClusterViews() {
    }

    /** The node and service counts are those of the cluster's inventory at the time of the query. */
    public record ClusterView(String id, String accountId, String name, String managerEndpoint,
                              DeploymentEnvironment environment, boolean tlsVerify, boolean hasTlsCredentials,
                              ConnectionStatus status, int consecutiveFailures, Instant lastSyncedAt,
                              String lastError, String swarmId, boolean autolockManagers, int taskHistoryLimit,
                              int managerCount, int workerCount, int serviceCount, int syncIntervalSeconds,
                              long version, Instant createdAt, Instant updatedAt) {
    }

    public record ClusterPage(List<ClusterView> items, PageInfo page) {
    }

    public record SwarmNodeView(String clusterId, String id, String hostname, NodeRole role,
                                NodeAvailability availability, NodeState state, String managerReachability,
                                boolean leader, String address, String engineVersion, Map<String, String> labels,
                                long nanoCpus, long memoryBytes, Instant observedAt) {
    }

    public record SwarmNodePage(List<SwarmNodeView> items, PageInfo page) {
    }

    /** @param stack the service's com.docker.stack.namespace label, or null when it was not deployed as a stack */
    public record SwarmServiceView(String clusterId, String id, String name, ServiceMode mode, String image,
                                   Integer desiredReplicas, int runningTasks, String updateState,
                                   String updateMessage, Map<String, String> labels, String stack,
                                   long specVersion, Instant observedAt) {
    }

    public record SwarmServicePage(List<SwarmServiceView> items, PageInfo page) {
    }

    public record SwarmTaskView(String clusterId, String id, String serviceId, String nodeId, Integer slot,
                                String desiredState, String state, String error, Instant updatedAt,
                                Instant observedAt) {
    }

    public record SwarmTaskPage(List<SwarmTaskView> items, PageInfo page) {
    }

    public record SwarmNetworkView(String clusterId, String id, String name, String driver, String scope,
                                   boolean attachable, boolean internal, boolean encrypted, boolean ingress,
                                   Map<String, String> labels, Instant observedAt) {
    }

    public record SwarmNetworkPage(List<SwarmNetworkView> items, PageInfo page) {
    }

    public record SwarmVolumeView(String clusterId, String name, String driver, String mountpoint, String scope,
                                  Map<String, String> labels, Instant observedAt) {
    }

    public record SwarmVolumePage(List<SwarmVolumeView> items, PageInfo page) {
    }

    /** Metadata only: a secret's value never leaves the swarm. */
    public record SwarmSecretView(String clusterId, String id, String name, Map<String, String> labels,
                                  Instant createdAt, Instant updatedAt, Instant observedAt) {
    }

    public record SwarmSecretPage(List<SwarmSecretView> items, PageInfo page) {
    }

    public record SwarmConfigView(String clusterId, String id, String name, Map<String, String> labels,
                                  String templateDriver, Instant createdAt, Instant updatedAt, Instant observedAt) {
    }

    public record SwarmConfigPage(List<SwarmConfigView> items, PageInfo page) {
    }

    /**
     * Whether the swarm can still schedule and change things.
     *
     * @param state                   healthy, degraded or quorum_lost
     * @param quorum                  the reachable managers the Raft quorum needs: floor(managers / 2) + 1
     * @param toleratedManagerLosses  how many managers the swarm can lose and keep quorum: (managers - 1) / 2
     * @param servicesNotConverged    names of services running fewer tasks than desired or stuck in an update
     * @param reasons                 why the state is not healthy, in an operator's words; empty when healthy
     * @param recentErrorEvents       the cluster's Docker events of severity error in the last
     *                                {@link #RECENT_ERRORS_WINDOW}, newest first, at most
     *                                {@link #MAX_RECENT_ERRORS}: context for the verdict, which itself follows
     *                                the swarm's state now (a node that went down and came back is healthy)
     */
    public record ClusterHealth(String clusterId, String state, int managers, int managersReachable, int quorum,
                                int toleratedManagerLosses, int nodesDown, List<String> servicesNotConverged,
                                List<String> reasons, List<SwarmEventView> recentErrorEvents, Instant evaluatedAt) {
        public static final java.time.Duration RECENT_ERRORS_WINDOW = java.time.Duration.ofMinutes(15);
        public static final int MAX_RECENT_ERRORS = 10;
        public static final String HEALTHY = "healthy";
        public static final String DEGRADED = "degraded";
        public static final String QUORUM_LOST = "quorum_lost";
    }

    /**
     * One operation and where it stands.
     *
     * @param status      requested, running, succeeded or failed
     * @param target      what it acts on: a service, node, secret … id or name, or the host joining or leaving
     * @param parameters  what was asked, as the audit shows it: never a secret value
     * @param failureKind an {@link OperationFailure.Kind} name when failed
     */
    public record SwarmOperationView(String id, String clusterId, String accountId, String type, String status,
                                     String target, Map<String, Object> parameters, String resourceId,
                                     List<String> notes, String failureKind, String failureMessage,
                                     String requestedBy, Instant requestedAt, Instant startedAt,
                                     Instant completedAt) {
        public static final String REQUESTED = "requested";
        public static final String RUNNING = "running";
        public static final String SUCCEEDED = "succeeded";
        public static final String FAILED = "failed";
    }

    public record SwarmOperationPage(List<SwarmOperationView> items, PageInfo page) {
    }

    /** @param severity info, warning or error, as for host events */
    public record SwarmEventView(String id, String clusterId, String type, String action, String actorId,
                                 Map<String, String> attributes, String severity, Instant time) {
    }

    public record SwarmEventPage(List<SwarmEventView> items, PageInfo page) {
    }

    /**
     * One change of a cluster for the account's SSE stream: cluster lifecycle, inventory changes, Docker events
     * and operations. Positions behave as the host feed's.
     */
    public record ClusterFeedEntry(long position, String accountId, String clusterId, String eventType,
                                   Instant occurredAt, Map<String, Object> change) {
    }
}
