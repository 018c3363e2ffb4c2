package io.powernode.devops.command.swarm;

import io.powernode.devops.kernel.common.DomainError;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;

import java.util.Collection;
import java.util.List;

/**
 * Raft keeps a swarm manageable only while a majority of its managers, floor(managers / 2) + 1, can reach each other.
 * Taking a manager out of the manager set (demoting or removing it) changes both sides of that comparison: the
 * quorum is computed for the managers that remain, and the node leaving no longer counts among the reachable ones.
 * A user may force a change that loses quorum (e.g. to clean up after managers died for good), but a swarm without
 * any manager cannot be forced into existence.
 */
final class QuorumRule {

    private static final String REACHABLE = "reachable";

    private QuorumRule() {
    }

    /** The reachable managers a swarm of {@code managers} managers needs. */
    private static int quorumOf(int managers) {
        return managers / 2 + 1;
    }

    /**
     * Refuses taking {@code leaving}, a manager among {@code nodes}, out of the manager set when that leaves no
     * manager at all, or (unless forced) fewer reachable managers than the remaining ones need for quorum.
     *
     * @param change what the user asked, in an operator's words ("Demoting", "Removing")
     */
    static void checkManagerLeaves(Collection<NodeSummary> nodes, NodeSummary leaving, boolean force, String change) {
        List<NodeSummary> remaining = nodes.stream()
                .filter(node -> node.role() == NodeRole.manager && !node.id().equals(leaving.id()))
                .toList();
        if (remaining.isEmpty()) {
            throw DomainError.ruleViolation("last_manager", change + " " + leaving.hostname()
                    + " would leave the swarm without a manager; promote another node first");
        }
        long reachable = remaining.stream().filter(node -> REACHABLE.equals(node.managerReachability())).count();
        int quorum = quorumOf(remaining.size());
        if (reachable < quorum && !force) {
            throw DomainError.ruleViolation("would_lose_quorum", change + " " + leaving.hostname() + " would leave "
                    + reachable + " reachable of " + remaining.size() + " managers, but " + remaining.size()
                    + " managers need " + quorum + " reachable for quorum; bring the unreachable managers back or"
                    + " force the change");
        }
    }
}
