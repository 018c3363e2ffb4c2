package io.powernode.devops.swarm;

import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeLabels;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveNode;
import io.powernode.devops.kernel.swarm.SwarmOperation.SetNodeAvailability;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Node availability, labels and role through the executor on the shared swarm; each test restores the node. */
class NodeOperationsTest {

    private static final String CLUSTER = "cluster-nodes";

    private static TestSwarm swarm;
    private static SwarmNode leader;
    private static SwarmNode worker;
    private static String workerId;
    private final OperationsFixture fixture = new OperationsFixture();

    @BeforeAll
    static void shareSwarm() {
        swarm = TestSwarm.shared();
        leader = swarm.leader();
        worker = swarm.workers().get(0);
        workerId = leader.docker("node", "inspect", "--format", "{{.ID}}", worker.name()).trim();
    }

    @BeforeEach
    void registerCluster() {
        fixture.registerCluster(CLUSTER, OperationsFixture.ACCOUNT, swarm.managerEndpoint());
    }

    @Test
    void drainingANodeMovesItsTasksAwayAndActiveLetsThemBack() {
        String service = "ops-drain-" + UUID.randomUUID().toString().substring(0, 6);
        leader.docker("service", "create", "--detach", "--name", service, "--mode", "global",
                "--stop-grace-period", "1s", TestDockerEngine.TEST_IMAGE, "sleep", "3600");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> tasksOn(service).contains(worker.name()));

            String id = fixture.run(CLUSTER, new SetNodeAvailability(workerId, NodeAvailability.drain)).resourceId();

            assertThat(id).isEqualTo(workerId);
            assertThat(field(worker, "{{.Spec.Availability}}")).isEqualTo("drain");
            await().atMost(Duration.ofSeconds(60)).until(() -> !tasksOn(service).contains(worker.name()));

            fixture.run(CLUSTER, new SetNodeAvailability(workerId, NodeAvailability.active)).resourceId();

            assertThat(field(worker, "{{.Spec.Availability}}")).isEqualTo("active");
            await().atMost(Duration.ofSeconds(60)).until(() -> tasksOn(service).contains(worker.name()));
        } finally {
            leader.docker("node", "update", "--availability", "active", worker.name());
            SwarmCli.removeQuietly(leader, "service", service);
        }
    }

    @Test
    void labelsAreAddedAndRemovedLeavingTheOthers() {
        leader.docker("node", "update", "--label-add", "keep=yes", "--label-add", "old=1", worker.name());
        try {
            fixture.run(CLUSTER, new ChangeNodeLabels(workerId, Map.of("zone", "a", "old", "2"), List.of())).resourceId();
            assertThat(field(worker, "{{json .Spec.Labels}}")).isEqualTo("{\"keep\":\"yes\",\"old\":\"2\",\"zone\":\"a\"}");

            fixture.run(CLUSTER, new ChangeNodeLabels(workerId, null, List.of("old", "zone"))).resourceId();
            assertThat(field(worker, "{{json .Spec.Labels}}")).isEqualTo("{\"keep\":\"yes\"}");
        } finally {
            leader.docker("node", "update", "--label-rm", "keep", worker.name());
        }
    }

    @Test
    void aWorkerIsPromotedToManagerAndDemotedBack() {
        try {
            fixture.run(CLUSTER, new ChangeNodeRole(workerId, NodeRole.manager, false)).resourceId();

            // the promotion is a raft membership change: the node is a manager once it is reachable as one
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> field(worker, "{{.ManagerStatus.Reachability}}").equals("reachable"));
            assertThat(field(worker, "{{.Spec.Role}}")).isEqualTo("manager");

            fixture.run(CLUSTER, new ChangeNodeRole(workerId, NodeRole.worker, false)).resourceId();

            assertThat(field(worker, "{{.Spec.Role}}")).isEqualTo("worker");
            await().atMost(Duration.ofSeconds(60)).until(() -> field(worker, "{{.ManagerStatus}}").equals("<nil>"));
        } finally {
            if (!"worker".equals(field(worker, "{{.Spec.Role}}"))) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    leader.docker("node", "demote", worker.name());
                    return true;
                });
            }
            swarm.awaitHealthy();
        }
    }

    @Test
    void aNodeThatIsUpIsNotRemovedWithoutForce() {
        OperationFailure failure = fixture.run(CLUSTER, new RemoveNode(workerId, false)).failure();

        assertThat(failure.kind()).isEqualTo(Kind.refused);
        assertThat(failure.message()).contains("is not down and can't be removed");
        assertThat(field(worker, "{{.Status.State}}")).isEqualTo("ready");
    }

    private static String field(SwarmNode node, String format) {
        return leader.docker("node", "inspect", "--format", format, node.name()).trim();
    }

    private static String tasksOn(String service) {
        return leader.docker("service", "ps", service, "--filter", "desired-state=running", "--format", "{{.Node}}");
    }
}
