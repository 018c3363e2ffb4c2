package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterHealth;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNodeView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmServiceView;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static io.powernode.devops.query.swarm.SwarmFixture.OBSERVED;
import static io.powernode.devops.query.swarm.SwarmFixture.manager;
import static io.powernode.devops.query.swarm.SwarmFixture.service;
import static io.powernode.devops.query.swarm.SwarmFixture.worker;
import static org.assertj.core.api.Assertions.assertThat;

class ClusterHealthRulesTest {
    private static final List<SwarmNodeView> THREE_MANAGERS = nodes(manager("m1", "reachable"),
            manager("m2", "reachable"), manager("m3", "reachable"), worker("w1", NodeState.ready));

    @Test
    void threeReachableManagersAndConvergedServicesAreHealthy() {
        ClusterHealth health = evaluate(ConnectionStatus.connected, null, THREE_MANAGERS,
                services(service("s1", "api", null, 2, 2)));

        assertThat(health.state()).isEqualTo(ClusterHealth.HEALTHY);
        assertThat(health.managers()).isEqualTo(3);
        assertThat(health.managersReachable()).isEqualTo(3);
        assertThat(health.quorum()).isEqualTo(2);
        assertThat(health.toleratedManagerLosses()).isEqualTo(1);
        assertThat(health.nodesDown()).isZero();
        assertThat(health.servicesNotConverged()).isEmpty();
        assertThat(health.reasons()).isEmpty();
        assertThat(health.evaluatedAt()).isEqualTo(OBSERVED);
    }

    @Test
    void oneOfThreeManagersUnreachableKeepsQuorumButIsDegraded() {
        ClusterHealth health = evaluate(ConnectionStatus.connected, null,
                nodes(manager("m1", "reachable"), manager("m2", "reachable"), manager("m3", "unreachable")),
                List.of());

        assertThat(health.state()).isEqualTo(ClusterHealth.DEGRADED);
        assertThat(health.managersReachable()).isEqualTo(2);
        assertThat(health.quorum()).isEqualTo(2);
        assertThat(health.toleratedManagerLosses()).isEqualTo(1);
        assertThat(health.reasons()).singleElement().asString()
                .contains("1 of 3 managers unreachable").contains("quorum holds").contains("only 0 more");
    }

    @Test
    void twoOfThreeManagersUnreachableLosesQuorum() {
        ClusterHealth health = evaluate(ConnectionStatus.connected, null,
                nodes(manager("m1", "reachable"), manager("m2", "unreachable"), manager("m3", "unreachable")),
                List.of());

        assertThat(health.state()).isEqualTo(ClusterHealth.QUORUM_LOST);
        assertThat(health.reasons()).singleElement().asString()
                .contains("Only 1 of 3 managers are reachable").contains("needs 2");
    }

    @Test
    void aSyncFailingForWantOfALeaderLosesQuorumThoughTheStaleNodesLookFine() {
        ClusterHealth health = evaluate(ConnectionStatus.disconnected,
                "Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a leader.",
                THREE_MANAGERS, List.of());

        assertThat(health.state()).isEqualTo(ClusterHealth.QUORUM_LOST);
        assertThat(health.managersReachable()).isEqualTo(3);
        assertThat(health.reasons()).singleElement().asString()
                .contains("lost quorum").contains("does not have a leader").contains("from before");
    }

    @Test
    void aWorkerDownDegradesTheCluster() {
        ClusterHealth health = evaluate(ConnectionStatus.connected, null,
                Stream.concat(THREE_MANAGERS.stream(), nodes(worker("w2", NodeState.down)).stream()).toList(),
                List.of());

        assertThat(health.state()).isEqualTo(ClusterHealth.DEGRADED);
        assertThat(health.nodesDown()).isEqualTo(1);
        assertThat(health.reasons()).containsExactly("Node w2.example (worker) is down.");
    }

    @Test
    void aServiceShortOfItsReplicasIsNamed() {
        ClusterHealth health = evaluate(ConnectionStatus.connected, null, THREE_MANAGERS,
                services(service("s1", "api", "shop", 2, 1), service("s2", "web", "shop", 3, 3)));

        assertThat(health.state()).isEqualTo(ClusterHealth.DEGRADED);
        assertThat(health.servicesNotConverged()).containsExactly("api");
        assertThat(health.reasons()).containsExactly("Service api runs 1 of 2 desired tasks.");
    }

    @Test
    void aPausedOrRolledBackUpdateDegradesButAGlobalServiceHasNoReplicasToMiss() {
        ServiceSummary paused = new ServiceSummary("s1", "api", ServiceMode.replicated, "api:2", 2, 2, "paused",
                "update paused due to failure or early termination of task x", null, 9);
        ServiceSummary global = new ServiceSummary("s2", "agent", ServiceMode.global, "agent:1", null, 4,
                "completed", null, null, 3);

        ClusterHealth health = evaluate(ConnectionStatus.connected, null, THREE_MANAGERS, services(paused, global));

        assertThat(health.state()).isEqualTo(ClusterHealth.DEGRADED);
        assertThat(health.servicesNotConverged()).containsExactly("api");
        assertThat(health.reasons()).singleElement().asString().startsWith("Service api update is paused: ");
    }

    @Test
    void aDisconnectedManagerEndpointDegradesWithItsError() {
        ClusterHealth health = evaluate(ConnectionStatus.disconnected, "connection refused", THREE_MANAGERS,
                List.of());

        assertThat(health.state()).isEqualTo(ClusterHealth.DEGRADED);
        assertThat(health.reasons()).singleElement().asString().contains("disconnected (connection refused)");
    }

    private static ClusterHealth evaluate(ConnectionStatus status, String lastError, List<SwarmNodeView> nodes,
                                          List<SwarmServiceView> services) {
        return ClusterHealthRules.evaluate("c1", status, lastError, nodes, services, List.of(), OBSERVED);
    }

    private static List<SwarmNodeView> nodes(NodeSummary... nodes) {
        return Stream.of(nodes).map(node -> new SwarmNodeView("c1", node.id(), node.hostname(), node.role(),
                node.availability(), node.state(), node.managerReachability(), node.leader(), node.address(),
                node.engineVersion(), node.labels(), node.nanoCpus(), node.memoryBytes(), OBSERVED)).toList();
    }

    private static List<SwarmServiceView> services(ServiceSummary... services) {
        return Stream.of(services).map(service -> new SwarmServiceView("c1", service.id(), service.name(),
                service.mode(), service.image(), service.desiredReplicas(), service.runningTasks(),
                service.updateState(), service.updateMessage(), service.labels(), null, service.specVersion(),
                OBSERVED)).toList();
    }
}
