package io.powernode.devops.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import io.powernode.devops.kernel.swarm.SwarmInventory.ClusterSnapshot;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.TaskSummary;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Against the shared test swarm, read through its leader over TCP as a platform would. */
class SwarmInventoryReaderTest {

    private static TestSwarm swarm;
    private static SwarmNode leader;
    private static DockerClient manager;
    // fixed, so that snapshots of an unchanged swarm compare equal as a whole
    private final SwarmInventoryReader reader =
            new SwarmInventoryReader(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

    @BeforeAll
    static void connect() {
        swarm = TestSwarm.shared();
        leader = swarm.leader();
        manager = new DockerClientFactory(new DockerTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)))
                .forRequests(HostConnection.plain(leader.tcpEndpoint()));
    }

    @AfterAll
    static void closeClient() throws Exception {
        manager.close();
    }

    @Test
    void nodesAndTheSwarmAreAsTheSwarmReportsThem() {
        ClusterSnapshot snapshot = reader.read(manager);

        assertThat(snapshot.nodes()).hasSize(4).allSatisfy(node -> {
            assertThat(node.state()).isEqualTo(NodeState.ready);
            assertThat(node.availability()).isEqualTo(NodeAvailability.active);
            assertThat(node.engineVersion()).isNotBlank();
            assertThat(node.nanoCpus()).isPositive();
            assertThat(node.memoryBytes()).isPositive();
        });
        assertThat(snapshot.nodes()).extracting(NodeSummary::hostname, NodeSummary::address)
                .containsExactlyInAnyOrderElementsOf(swarm.nodes().stream()
                        .map(node -> tuple(node.name(), node.address())).toList());
        assertThat(snapshot.nodes()).filteredOn(node -> node.role() == NodeRole.manager).hasSize(3)
                .allSatisfy(node -> assertThat(node.managerReachability()).isEqualTo("reachable"));
        assertThat(snapshot.nodes()).filteredOn(node -> node.role() == NodeRole.worker).singleElement()
                .satisfies(node -> assertThat(node.managerReachability()).isNull());
        assertThat(snapshot.nodes()).filteredOn(NodeSummary::leader).singleElement()
                .satisfies(node -> assertThat(node.hostname()).isEqualTo(leader.name()));

        assertThat(snapshot.swarm().swarmId()).isEqualTo(swarmInfo("{{.Swarm.Cluster.ID}}"));
        assertThat(snapshot.swarm().taskHistoryLimit()).isEqualTo(
                Integer.parseInt(swarmInfo("{{.Swarm.Cluster.Spec.Orchestration.TaskHistoryRetentionLimit}}")));
        assertThat(snapshot.swarm().autolockManagers()).isFalse();
        assertThat(snapshot.swarm().createdAt()).isBefore(Instant.now());
        assertThat(snapshot.networks()).filteredOn(network -> network.name().equals("ingress")).singleElement()
                .satisfies(network -> assertThat(network.ingress()).isTrue());
    }

    @Test
    void replicatedAndGlobalServicesWithTheirRunningTasks() {
        String replicated = "pn-inv-rep-" + suffix();
        String global = "pn-inv-glob-" + suffix();
        try {
            leader.docker("service", "create", "--detach", "--name", replicated, "--replicas", "2",
                    "--label", "powernode.test=inventory", "--label", "powernode.api-token=s3cret",
                    TestDockerEngine.TEST_IMAGE, "sleep", "3600");
            leader.docker("service", "create", "--detach", "--name", global, "--mode", "global",
                    TestDockerEngine.TEST_IMAGE, "sleep", "3600");

            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
                ClusterSnapshot snapshot = reader.read(manager);
                assertThat(service(snapshot, replicated)).satisfies(service -> {
                    assertThat(service.mode()).isEqualTo(ServiceMode.replicated);
                    assertThat(service.image()).isEqualTo(TestDockerEngine.TEST_IMAGE);
                    assertThat(service.desiredReplicas()).isEqualTo(2);
                    assertThat(service.runningTasks()).isEqualTo(2);
                    assertThat(service.labels()).containsOnlyKeys("powernode.test");
                    assertThat(service.specVersion()).isPositive();
                });
                ServiceSummary globalService = service(snapshot, global);
                assertThat(globalService.mode()).isEqualTo(ServiceMode.global);
                assertThat(globalService.desiredReplicas()).isNull();
                assertThat(globalService.runningTasks()).isEqualTo(4);
                assertThat(snapshot.tasks()).filteredOn(task -> task.serviceId().equals(globalService.id()))
                        .filteredOn(task -> task.state().equals("running"))
                        .extracting(TaskSummary::nodeId)
                        .containsExactlyInAnyOrderElementsOf(snapshot.nodes().stream().map(NodeSummary::id).toList());
            });
        } finally {
            leader.docker("service", "rm", replicated, global);
        }
    }

    @Test
    void secretsAndConfigsAreMetadataOnly() throws Exception {
        String name = "pn-inv-" + suffix();
        String secretValue = "secret-value-" + UUID.randomUUID();
        String configValue = "config-value-" + UUID.randomUUID();
        Path secretFile = Files.writeString(Files.createTempFile("pn-inv", ".txt"), secretValue);
        Path configFile = Files.writeString(Files.createTempFile("pn-inv", ".txt"), configValue);
        try {
            // the CLI reads a secret's or config's content from a file
            leader.docker("secret", "create", "--label", "powernode.test=secret", name, secretFile.toString());
            leader.docker("config", "create", "--label", "powernode.test=config", "--label", "db-password=x",
                    "--template-driver", "golang", name, configFile.toString());

            ClusterSnapshot snapshot = reader.read(manager);

            assertThat(snapshot.secrets()).filteredOn(secret -> secret.name().equals(name)).singleElement()
                    .satisfies(secret -> {
                        assertThat(secret.id()).isNotBlank();
                        assertThat(secret.labels()).containsExactlyEntriesOf(Map.of("powernode.test", "secret"));
                        assertThat(secret.createdAt()).isNotNull();
                        assertThat(secret.updatedAt()).isNotNull();
                    });
            assertThat(snapshot.configs()).filteredOn(config -> config.name().equals(name)).singleElement()
                    .satisfies(config -> {
                        assertThat(config.labels()).containsExactlyEntriesOf(Map.of("powernode.test", "config"));
                        assertThat(config.templateDriver()).isEqualTo("golang");
                        assertThat(config.createdAt()).isNotNull();
                    });
            String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(snapshot);
            for (String value : new String[]{secretValue, configValue}) {
                String base64 = Base64.getEncoder().encodeToString(value.getBytes());
                assertThat(snapshot.toString()).doesNotContain(value, base64);
                assertThat(json).contains(name).doesNotContain(value, base64);
            }
        } finally {
            leader.docker("secret", "rm", name);
            leader.docker("config", "rm", name);
            Files.delete(secretFile);
            Files.delete(configFile);
        }
    }

    @Test
    void twoReadsOfAnUnchangedSwarmAreEqual() {
        // tasks of services other tests removed may still be going away: wait for the swarm to settle
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(reader.read(manager)).isEqualTo(reader.read(manager)));
    }

    @Test
    void anEncryptedAttachableOverlayNetwork() {
        String name = "pn-inv-net-" + suffix();
        try {
            leader.docker("network", "create", "--driver", "overlay", "--opt", "encrypted", "--attachable",
                    "--label", "powernode.test=network", name);

            ClusterSnapshot snapshot = reader.read(manager);

            assertThat(snapshot.networks()).filteredOn(network -> network.name().equals(name)).singleElement()
                    .satisfies(network -> {
                        assertThat(network.driver()).isEqualTo("overlay");
                        assertThat(network.scope()).isEqualTo("swarm");
                        assertThat(network.encrypted()).isTrue();
                        assertThat(network.attachable()).isTrue();
                        assertThat(network.internal()).isFalse();
                        assertThat(network.ingress()).isFalse();
                        assertThat(network.labels()).containsOnlyKeys("powernode.test");
                    });
            assertThat(snapshot.networks()).allSatisfy(network -> assertThat(network.scope()).isEqualTo("swarm"));
        } finally {
            leader.docker("network", "rm", name);
        }
    }

    private static ServiceSummary service(ClusterSnapshot snapshot, String name) {
        return snapshot.services().stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name + " in " + snapshot.services()));
    }

    private static String swarmInfo(String format) {
        return leader.docker("info", "--format", format).trim();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
