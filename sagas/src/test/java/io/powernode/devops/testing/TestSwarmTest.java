package io.powernode.devops.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.SwarmInfo;
import io.powernode.devops.docker.HostConnection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The swarm harness itself: shape, reachability, scheduling across nodes, node loss and quorum loss. */
class TestSwarmTest {

    @Test
    void theSharedSwarmHasThreeManagersOneLeaderAndAWorkerAllReadyAndReachableOverTcp() throws IOException {
        TestSwarm swarm = TestSwarm.shared();

        assertThat(swarm.nodes()).hasSize(4);
        assertThat(swarm.managers()).hasSize(3);
        assertThat(swarm.workers()).hasSize(1);
        String nodeList = swarm.leader().docker("node", "ls", "--format", "{{.Hostname}} {{.Status}} {{.ManagerStatus}}");
        assertThat(nodeList.lines()).hasSize(4).allMatch(line -> line.contains(" Ready"));
        assertThat(nodeList.lines().filter(line -> line.endsWith(" Leader"))).hasSize(1);
        assertThat(nodeList.lines().filter(line -> line.endsWith(" Reachable"))).hasSize(2);
        assertThat(swarm.managerEndpoint()).isEqualTo(swarm.leader().tcpEndpoint()).startsWith("tcp://10.213.");

        for (SwarmNode node : swarm.nodes()) {
            try (DockerClient client = TestDockerEngine.clientFor(HostConnection.plain(node.tcpEndpoint()))) {
                SwarmInfo info = client.infoCmd().exec().getSwarm();
                assertThat(info.getLocalNodeState()).as(node.name()).isEqualTo(LocalNodeState.ACTIVE);
                assertThat(info.getNodeAddr()).as(node.name()).isEqualTo(node.address());
                assertThat(info.getControlAvailable()).as(node.name()).isEqualTo(node.isManager());
            }
        }
    }

    @Test
    void aReplicatedServiceSpreadsItsTasksOverSeveralNodes() {
        TestSwarm swarm = TestSwarm.shared();
        SwarmNode leader = swarm.leader();

        leader.docker("service", "create", "--detach", "--name", "spread", "--replicas", "4",
                TestDockerEngine.TEST_IMAGE, "sleep", "3600");
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<String> running = leader.docker("service", "ps", "spread", "--filter", "desired-state=running",
                        "--format", "{{.Node}} {{.CurrentState}}").lines().toList();
                assertThat(running).hasSize(4).allMatch(line -> line.contains(" Running "));
                Set<String> nodes = running.stream().map(line -> line.split(" ")[0]).collect(Collectors.toSet());
                assertThat(nodes).hasSizeGreaterThan(1);
            });
        } finally {
            leader.docker("service", "rm", "spread");
        }
    }

    @Test
    void losingOneOfThreeManagersKeepsQuorumAndTheManagerComesBack() {
        TestSwarm swarm = TestSwarm.shared();
        SwarmNode lost = swarm.leader();
        List<SwarmNode> others = swarm.managers().stream().filter(node -> node != lost).toList();

        lost.stop();
        try {
            assertThat(lost.isRunning()).isFalse();
            // a new leader is elected among the two that remain, and both still serve the swarm's state
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(swarm.leader()).isIn(others);
                for (SwarmNode manager : others) {
                    assertThat(manager.docker("node", "ls", "-q").lines()).hasSize(4);
                }
            });
        } finally {
            lost.start();
        }

        swarm.awaitNodeReady(lost);
        swarm.awaitHealthy();
        assertThat(lost.docker("node", "ls", "--filter", "name=" + lost.name(), "--format", "{{.ManagerStatus}}").trim())
                .isIn("Reachable", "Leader");
    }

    @Test
    void losingTwoOfThreeManagersLosesQuorumAndCloseRemovesEverything() {
        String prefix;
        try (TestSwarm swarm = TestSwarm.startNew(3, 0)) {
            SwarmNode survivor = swarm.managers().get(0);
            prefix = survivor.name().substring(0, survivor.name().indexOf('-'));
            swarm.managers().get(1).stop();
            swarm.managers().get(2).stop();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThatThrownBy(() -> survivor.docker("node", "ls"))
                            .hasMessageContaining("does not have a leader"));
        }

        Predicate<String> ours = name -> name.equals(prefix) || name.startsWith(prefix + "-");
        // "pnsw1-2 (id: 0)"
        assertThat(Commands.run(null, 30, "ip", "netns", "list").lines().map(line -> line.split(" ")[0])).noneMatch(ours);
        // "7: pnsw1@if2: <BROADCAST …"
        assertThat(Commands.run(null, 30, "ip", "-o", "link", "show").lines().map(line -> line.split(": ")[1].split("@")[0]))
                .noneMatch(ours);
        assertThat(Commands.run(null, 30, "cat", "/proc/self/mountinfo")).doesNotContain("/tmp/" + prefix + "/");
        assertThat(Path.of("/tmp", prefix)).doesNotExist();
    }
}
