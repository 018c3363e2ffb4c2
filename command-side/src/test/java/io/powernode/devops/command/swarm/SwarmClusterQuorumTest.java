package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNodesChanged;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveNode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.swarm.ClusterTestData.*;

/**
 * Demoting or removing a manager must leave the remaining managers a reachable majority: with M' managers after
 * the change, at least floor(M'/2)+1 of them reachable. The connected cluster's single manager (node-m) is joined
 * by two more managers in these tests.
 */
class SwarmClusterQuorumTest {

    private FixtureConfiguration<SwarmCluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryNameRegistry());
    }

    private static NodeSummary manager(String id, String reachability) {
        return new NodeSummary(id, id, NodeRole.manager, NodeAvailability.active,
                "reachable".equals(reachability) ? NodeState.ready : NodeState.down, reachability, false,
                "10.0.0.2", "24.0.7", Map.of(), 4_000_000_000L, 8_000_000_000L);
    }

    /** Three managers: node-m and m2 reachable, m3 as given. */
    private static SwarmNodesChanged twoManagersJoin(String m3Reachability) {
        return new SwarmNodesChanged(CLUSTER_ID, ACCOUNT,
                List.of(manager("m2", "reachable"), manager("m3", m3Reachability)), List.of(), List.of(), T2);
    }

    private static ChangeNodeRole demote(String nodeId, boolean force) {
        return new ChangeNodeRole(nodeId, NodeRole.worker, force);
    }

    @Test
    void demoting_one_of_three_reachable_managers_keeps_quorum() {
        fixture.given(connectedCluster())
                .andGiven(twoManagersJoin("reachable"))
                .andGivenCurrentTime(NOW)
                .when(request(demote("m2", false)))
                .expectEvents(requested(demote("m2", false)));
    }

    @Test
    void demoting_a_reachable_manager_while_another_is_unreachable_is_refused() {
        fixture.given(connectedCluster())
                .andGiven(twoManagersJoin("unreachable"))
                .when(request(demote("m2", false)))
                .expectException(domainError(Kind.RULE_VIOLATION, "would_lose_quorum"))
                .expectNoEvents();
    }

    @Test
    void demoting_the_unreachable_manager_keeps_quorum() {
        fixture.given(connectedCluster())
                .andGiven(twoManagersJoin("unreachable"))
                .andGivenCurrentTime(NOW)
                .when(request(demote("m3", false)))
                .expectEvents(requested(demote("m3", false)));
    }

    @Test
    void a_forced_demotion_is_requested_even_if_it_loses_quorum() {
        fixture.given(connectedCluster())
                .andGiven(twoManagersJoin("unreachable"))
                .andGivenCurrentTime(NOW)
                .when(request(demote("m2", true)))
                .expectEvents(requested(demote("m2", true)));
    }

    @Test
    void removing_a_reachable_manager_while_another_is_unreachable_is_refused() {
        fixture.given(connectedCluster())
                .andGiven(twoManagersJoin("unreachable"))
                .when(request(new RemoveNode("m2", false)))
                .expectException(domainError(Kind.RULE_VIOLATION, "would_lose_quorum"));
    }

    @Test
    void a_manager_whose_reachability_is_unknown_does_not_count_as_reachable() {
        fixture.given(connectedCluster())
                .andGiven(twoManagersJoin("unknown"))
                .when(request(demote("node-m", false)))
                .expectException(domainError(Kind.RULE_VIOLATION, "would_lose_quorum"));
    }

    @Test
    void demoting_the_last_manager_is_refused_even_forced() {
        fixture.given(connectedCluster())
                .when(request(demote("node-m", true)))
                .expectException(domainError(Kind.RULE_VIOLATION, "last_manager"))
                .expectNoEvents();
    }

    @Test
    void removing_the_last_manager_is_refused_even_forced() {
        fixture.given(connectedCluster())
                .when(request(new RemoveNode("node-m", true)))
                .expectException(domainError(Kind.RULE_VIOLATION, "last_manager"));
    }
}
