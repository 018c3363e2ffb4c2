package io.powernode.devops.kernel.swarm;

import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a sync observes through a swarm manager: value objects that events and commands carry. Secrets and
 * configs appear as metadata only; their values never leave the swarm through the platform.
 */
public final class SwarmInventory {
    private SwarmInventory() {
    }

    public enum NodeRole { manager, worker }

    public enum NodeAvailability { active, pause, drain }

    /** Docker's node states; {@code down} and {@code disconnected} count as lost for health. */
    public enum NodeState { unknown, down, ready, disconnected }

    public enum ServiceMode { replicated, global }

    /** The swarm itself (GET /swarm): identity and the settings users change. Never its join tokens. */
    public record SwarmInfo(String swarmId, Instant createdAt, boolean autolockManagers, int taskHistoryLimit) {
    }

    /**
     * @param managerReachability reachable, unreachable or unknown for managers; null for workers
     */
    public record NodeSummary(String id, String hostname, NodeRole role, NodeAvailability availability, NodeState state,
                              String managerReachability, boolean leader, String address, String engineVersion,
                              Map<String, String> labels, long nanoCpus, long memoryBytes) {
    }

    /**
     * @param desiredReplicas null for a global service, whose tasks follow the nodes
     * @param runningTasks    tasks of the service running and meant to run (not those told to shut down), counted by the sync
     * @param updateState     Docker's UpdateStatus.State (updating, paused, completed, rollback_started,
     *                        rollback_paused, rollback_completed), or null before any update
     * @param specVersion     the service's version index, which an update must name
     */
    public record ServiceSummary(String id, String name, ServiceMode mode, String image, Integer desiredReplicas,
                                 int runningTasks, String updateState, String updateMessage,
                                 Map<String, String> labels, long specVersion) {
    }

    /** A task's place and state; Docker keeps a few finished tasks per slot (the task history limit). */
    public record TaskSummary(String id, String serviceId, String nodeId, Integer slot, String desiredState,
                              String state, String error, Instant updatedAt) {
    }

    public record SwarmNetworkSummary(String id, String name, String driver, String scope, boolean attachable,
                                      boolean internal, boolean encrypted, boolean ingress,
                                      Map<String, String> labels) {
    }

    public record SecretSummary(String id, String name, Map<String, String> labels, Instant createdAt,
                                Instant updatedAt) {
    }

    /** @param templateDriver e.g. golang, or null for a plain config */
    public record ConfigSummary(String id, String name, Map<String, String> labels, String templateDriver,
                                Instant createdAt, Instant updatedAt) {
    }

    /** Everything one successful sync saw through the manager, at one moment. */
    public record ClusterSnapshot(SwarmInfo swarm, List<NodeSummary> nodes, List<ServiceSummary> services,
                                  List<TaskSummary> tasks, List<SwarmNetworkSummary> networks,
                                  List<VolumeSummary> volumes, List<SecretSummary> secrets,
                                  List<ConfigSummary> configs, Instant observedAt) {
    }
}
