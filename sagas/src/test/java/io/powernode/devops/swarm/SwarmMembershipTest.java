package io.powernode.devops.swarm;

import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.OperationFailure.Kind;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.FindJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.FindUnlockKey;
import io.powernode.devops.kernel.swarm.SwarmLiveQueries.JoinTokens;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.InitSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.JoinSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.LeaveSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateUnlockKey;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSwarmSettings;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.powernode.devops.swarm.OperationsFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Creating, joining and leaving swarms, and the swarm's own keys, each on a private swarm of its own: a node
 * that left a swarm is the daemon outside any swarm these operations need.
 */
class SwarmMembershipTest {

    private static final String CLUSTER = "cluster-members";
    private static final String HOST = "host-worker";

    private final OperationsFixture fixture = new OperationsFixture();

    @Test
    void aWorkerLeavesWithoutLeavingAGhostAndJoinsBack() {
        try (TestSwarm swarm = TestSwarm.startNew(1, 1)) {
            SwarmNode manager = swarm.managers().get(0);
            SwarmNode worker = swarm.workers().get(0);
            fixture.registerCluster(CLUSTER, ACCOUNT, manager.tcpEndpoint());
            fixture.registerHost(HOST, ACCOUNT, worker.tcpEndpoint());
            String nodeId = worker.docker("info", "--format", "{{.Swarm.NodeID}}").trim();

            String left = fixture.run(CLUSTER, new LeaveSwarm(HOST, false)).resourceId();

            assertThat(left).isEqualTo(nodeId);
            assertThat(worker.docker("info", "--format", "{{.Swarm.LocalNodeState}}").trim()).isEqualTo("inactive");
            assertThat(manager.docker("node", "ls", "-q").lines()).hasSize(1).doesNotContain(nodeId);

            String joined = fixture.run(CLUSTER, new JoinSwarm(HOST, NodeRole.worker, worker.address(),
                    worker.address() + ":2377")).resourceId();

            assertThat(joined).isEqualTo(worker.docker("info", "--format", "{{.Swarm.NodeID}}").trim());
            await().atMost(Duration.ofSeconds(30)).until(() -> manager.docker("node", "inspect", "--format",
                    "{{.Spec.Role}} {{.Status.State}}", joined).trim().equals("worker ready"));
            OperationFailure again = fixture.run(CLUSTER, new JoinSwarm(HOST, NodeRole.worker, null, null)).failure();
            assertThat(again.kind()).isEqualTo(Kind.conflict);
            assertThat(again.message()).contains("already part of a swarm");
        }
    }

    @Test
    void theLastManagerIsNeitherDemotedNorLeavesWithoutForce() {
        try (TestSwarm swarm = TestSwarm.startNew(1, 0)) {
            SwarmNode manager = swarm.managers().get(0);
            fixture.registerCluster(CLUSTER, ACCOUNT, manager.tcpEndpoint());
            fixture.registerHost(HOST, ACCOUNT, manager.tcpEndpoint());
            String nodeId = manager.docker("info", "--format", "{{.Swarm.NodeID}}").trim();

            OperationFailure demote = fixture.run(CLUSTER, new ChangeNodeRole(nodeId, NodeRole.worker, true)).failure();
            OperationFailure leave = fixture.run(CLUSTER, new LeaveSwarm(HOST, false)).failure();

            assertThat(demote.kind()).isEqualTo(Kind.refused);
            assertThat(demote.message()).contains("demote the last manager");
            assertThat(leave.kind()).isEqualTo(Kind.refused);
            assertThat(leave.message()).contains("participating as a manager");
            assertThat(manager.docker("node", "inspect", "--format", "{{.Spec.Role}}", nodeId).trim()).isEqualTo("manager");
        }
    }

    @Test
    void aNewSwarmWithAutolockHasAnUnlockKeyThatIsRotatedAndGoneWithAutolock() {
        try (TestSwarm swarm = TestSwarm.startNew(1, 1)) {
            SwarmNode host = swarm.workers().get(0);
            host.docker("swarm", "leave");
            fixture.registerHost(HOST, ACCOUNT, host.tcpEndpoint());
            // as the platform registers a cluster by initialising it: on the host's own endpoint
            fixture.registerCluster(CLUSTER, ACCOUNT, host.tcpEndpoint());

            var initialised = fixture.run(CLUSTER, new InitSwarm(HOST, host.address(), host.address() + ":2377", true, 3));

            assertThat(initialised.resourceId()).isEqualTo(host.docker("info", "--format", "{{.Swarm.Cluster.ID}}").trim())
                    .isNotEqualTo(swarm.managers().get(0).docker("info", "--format", "{{.Swarm.Cluster.ID}}").trim());
            assertThat(initialised.notes()).containsExactly(SwarmSettings.AUTOLOCK_NOTE);
            assertThat(settings(host)).isEqualTo("true 3");
            String key = unlockKey();
            assertThat(key).startsWith("SWMKEY-1-").isEqualTo(host.docker("swarm", "unlock-key", "-q").trim());

            assertThat(fixture.run(CLUSTER, new RotateUnlockKey()).notes()).containsExactly(SwarmSettings.AUTOLOCK_NOTE);
            assertThat(unlockKey()).startsWith("SWMKEY-1-").isNotEqualTo(key);

            fixture.run(CLUSTER, new UpdateSwarmSettings(false, 7)).resourceId();
            assertThat(settings(host)).isEqualTo("false 7");
            assertThat(unlockKey()).isNull();
            OperationFailure noKey = fixture.run(CLUSTER, new RotateUnlockKey()).failure();
            assertThat(noKey.kind()).isEqualTo(Kind.refused);

            JoinTokens before = fixture.queries.handle(new FindJoinTokens(ACCOUNT, CLUSTER));
            fixture.run(CLUSTER, new RotateJoinTokens(true, false)).resourceId();
            JoinTokens after = fixture.queries.handle(new FindJoinTokens(ACCOUNT, CLUSTER));
            assertThat(after.worker()).isNotEqualTo(before.worker());
            assertThat(after.manager()).isEqualTo(before.manager());
            assertThat(after.managerAddresses()).containsExactly(host.address() + ":2377");
            assertThat(fixture.run(CLUSTER, new RotateJoinTokens(false, false)).failure().kind()).isEqualTo(Kind.invalid);
        }
    }

    private String unlockKey() {
        return fixture.queries.handle(new FindUnlockKey(ACCOUNT, CLUSTER)).key();
    }

    private static String settings(SwarmNode manager) {
        return manager.docker("info", "--format",
                "{{.Swarm.Cluster.Spec.EncryptionConfig.AutoLockManagers}} "
                        + "{{.Swarm.Cluster.Spec.Orchestration.TaskHistoryRetentionLimit}}").trim();
    }
}
