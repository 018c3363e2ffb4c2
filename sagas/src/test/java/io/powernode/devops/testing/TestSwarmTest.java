package io.powernode.devops.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.SwarmInfo;
import io.powernode.devops.docker.HostConnection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
    void aGlobalServiceOnAnOverlayNetworkPublishesHostPortsAndMountsSecretsAndConfigs() throws Exception {
        TestSwarm swarm = TestSwarm.shared();
        SwarmNode leader = swarm.leader();
        Path secret = Files.writeString(Files.createTempFile("pnsw-probe", ".txt"), "s3cret");
        Path config = Files.writeString(Files.createTempFile("pnsw-probe", ".txt"), "key=value");
        try {
            // the CLI reads a secret's or config's content from a file (or stdin)
            leader.docker("network", "create", "--driver", "overlay", "probe-net");
            leader.docker("secret", "create", "probe-secret", secret.toString());
            leader.docker("config", "create", "probe-config", config.toString());
            leader.docker("service", "create", "--detach", "--name", "probe", "--mode", "global",
                    "--network", "probe-net", "--endpoint-mode", "dnsrr", "--hostname", "{{.Node.Hostname}}",
                    "--publish", "mode=host,target=8080,published=18080",
                    "--secret", "probe-secret", "--config", "source=probe-config,target=/www/config.txt",
                    TestDockerEngine.TEST_IMAGE, "sh", "-c",
                    "hostname > /www/index.html && cp /run/secrets/probe-secret /www/secret.txt && httpd -f -p 8080 -h /www");

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (SwarmNode node : swarm.nodes()) {
                String base = "http://" + node.address() + ":18080/";
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(get(http, base)).isEqualTo(node.name() + "\n"));
                assertThat(get(http, base + "secret.txt")).isEqualTo("s3cret");
                assertThat(get(http, base + "config.txt")).isEqualTo("key=value");
            }

            // task to task across nodes over VXLAN, by address and by service name (dnsrr: no IPVS for a VIP)
            SwarmNode from = swarm.nodes().get(0);
            SwarmNode to = swarm.nodes().get(swarm.nodes().size() - 1);
            String target = to.docker("inspect", "--format", "{{(index .NetworkSettings.Networks \"probe-net\").IPAddress}}",
                    taskContainer(to)).trim();
            assertThat(from.docker("exec", taskContainer(from), "wget", "-qO-", "http://" + target + ":8080/"))
                    .isEqualTo(to.name() + "\n");
            assertThat(from.docker("exec", taskContainer(from), "wget", "-qO-", "http://probe:8080/")).startsWith("pnsw");
        } finally {
            leader.docker("service", "rm", "probe");
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                leader.docker("network", "rm", "probe-net");
                return true;
            });
            leader.docker("secret", "rm", "probe-secret");
            leader.docker("config", "rm", "probe-config");
            Files.delete(secret);
            Files.delete(config);
        }
    }

    @Test
    void aFailingUpdateIsRolledBack() {
        SwarmNode leader = TestSwarm.shared().leader();
        leader.docker("service", "create", "--detach", "--name", "rollback", "--replicas", "2",
                "--restart-delay", "1s", TestDockerEngine.TEST_IMAGE, "sleep", "3600");
        try {
            leader.docker("service", "update", "--detach", "--update-failure-action", "rollback",
                    "--update-monitor", "3s", "--args", "sh -c 'exit 1'", "rollback");

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                    leader.docker("service", "inspect", "--format", "{{.UpdateStatus.State}}", "rollback").trim())
                    .isEqualTo("rollback_completed"));
            assertThat(leader.docker("service", "inspect", "--format", "{{json .Spec.TaskTemplate.ContainerSpec.Args}}",
                    "rollback").trim()).isEqualTo("[\"sleep\",\"3600\"]");
        } finally {
            leader.docker("service", "rm", "rollback");
        }
    }

    private static String taskContainer(SwarmNode node) {
        return node.docker("ps", "-q", "--filter", "label=com.docker.swarm.service.name=probe").trim();
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    @Test
    void losingOneOfThreeManagersKeepsQuorumAndTheManagerComesBack() {
        TestSwarm swarm = TestSwarm.shared();
        SwarmNode lost = swarm.leader();
        List<SwarmNode> others = swarm.managers().stream().filter(node -> node != lost).toList();

        lost.stop();
        try {
            assertThat(lost.isRunning()).isFalse();
            // a new leader is elected among the two that remain, and both still serve the swarm's state;
            // while the election runs, no manager may answer at all
            await().atMost(Duration.ofSeconds(45)).ignoreExceptions().untilAsserted(() -> {
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
            // the leader goes first: a follower left alone reports the missing leader sooner than a leader
            // left alone, which keeps answering from its own state until raft makes it step down
            SwarmNode leader = swarm.leader();
            List<SwarmNode> followers = swarm.managers().stream().filter(node -> node != leader).toList();
            SwarmNode survivor = followers.get(0);
            prefix = survivor.name().substring(0, survivor.name().indexOf('-'));
            leader.stop();
            followers.get(1).stop();

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
