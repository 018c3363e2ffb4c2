package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterHealth;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmEventView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNodeView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmServiceView;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges a swarm's health from its last recorded nodes and services and its connection. Raft keeps an N-manager
 * swarm working while floor(N/2)+1 managers are reachable; below that it can neither schedule nor change
 * anything, which is the one state worth calling an outage. Everything else that is wrong but survivable is
 * "degraded", and every non-healthy verdict says why in an operator's words.
 */
final class ClusterHealthRules {
    /** Update states in which a service is neither on its old spec nor converged on its new one. */
    private static final Set<String> STUCK_UPDATES = Set.of("paused", "rollback_started", "rollback_paused",
            "rollback_completed");
    /** Docker's answers when the managers have lost quorum (e.g. "The swarm does not have a leader"). */
    private static final List<String> QUORUM_ERRORS = List.of("does not have a leader", "quorum");

    private ClusterHealthRules() {
    }

    static ClusterHealth evaluate(String clusterId, ConnectionStatus status, String lastError,
                                  List<SwarmNodeView> nodes, List<SwarmServiceView> services,
                                  List<SwarmEventView> recentErrorEvents, Instant evaluatedAt) {
        List<SwarmNodeView> managerNodes = nodes.stream().filter(node -> node.role() == NodeRole.manager).toList();
        int managers = managerNodes.size();
        int reachable = (int) managerNodes.stream()
                .filter(node -> "reachable".equals(node.managerReachability())).count();
        int quorum = managers / 2 + 1;
        int tolerated = (managers - 1) / 2;
        List<SwarmNodeView> down = nodes.stream()
                .filter(node -> node.state() == NodeState.down || node.state() == NodeState.disconnected).toList();
        List<SwarmServiceView> notConverged = services.stream().filter(ClusterHealthRules::notConverged).toList();

        boolean quorumError = isQuorumError(lastError);
        List<String> quorumReasons = new ArrayList<>();
        if (quorumError) {
            quorumReasons.add("The last sync failed because the swarm has lost quorum (\"" + lastError
                    + "\"): it cannot schedule or change anything, and the nodes shown are from before that.");
        }
        if (managers > 0 && reachable < quorum) {
            quorumReasons.add("Only " + reachable + " of " + managers + " managers are reachable; the swarm needs "
                    + quorum + " to keep quorum.");
        }

        List<String> degradedReasons = new ArrayList<>();
        if (managers == 0) {
            degradedReasons.add("No manager has been observed yet: the cluster has not completed a sync.");
        } else if (reachable < managers && reachable >= quorum) {
            degradedReasons.add((managers - reachable) + " of " + managers + " managers unreachable; quorum holds"
                    + " but the swarm can lose only " + (reachable - quorum) + " more.");
        }
        down.forEach(node -> degradedReasons.add(
                "Node " + node.hostname() + " (" + node.role() + ") is " + node.state() + "."));
        notConverged.forEach(service -> degradedReasons.add(describe(service)));
        if ((status == ConnectionStatus.disconnected || status == ConnectionStatus.error) && !quorumError) {
            degradedReasons.add("The manager endpoint is " + status
                    + (lastError == null ? "" : " (" + lastError + ")") + "; the inventory shown may be stale.");
        }

        String state = !quorumReasons.isEmpty() ? ClusterHealth.QUORUM_LOST
                : !degradedReasons.isEmpty() ? ClusterHealth.DEGRADED : ClusterHealth.HEALTHY;
        List<String> reasons = new ArrayList<>(quorumReasons);
        reasons.addAll(degradedReasons);
        return new ClusterHealth(clusterId, state, managers, reachable, quorum, tolerated, down.size(),
                notConverged.stream().map(SwarmServiceView::name).toList(), List.copyOf(reasons),
                List.copyOf(recentErrorEvents), evaluatedAt);
    }

    private static boolean isQuorumError(String lastError) {
        if (lastError == null) {
            return false;
        }
        String error = lastError.toLowerCase(Locale.ROOT);
        return QUORUM_ERRORS.stream().anyMatch(error::contains);
    }

    private static boolean notConverged(SwarmServiceView service) {
        return missingReplicas(service)
                || service.updateState() != null && STUCK_UPDATES.contains(service.updateState());
    }

    /** Global services follow the nodes and have no desired count to fall short of. */
    private static boolean missingReplicas(SwarmServiceView service) {
        return service.mode() == ServiceMode.replicated && service.desiredReplicas() != null
                && service.runningTasks() < service.desiredReplicas();
    }

    private static String describe(SwarmServiceView service) {
        if (missingReplicas(service)) {
            return "Service " + service.name() + " runs " + service.runningTasks() + " of "
                    + service.desiredReplicas() + " desired tasks.";
        }
        return "Service " + service.name() + " update is " + service.updateState().replace('_', ' ')
                + (service.updateMessage() == null ? "." : ": " + service.updateMessage());
    }
}
