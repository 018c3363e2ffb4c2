package io.powernode.devops.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import io.powernode.devops.kernel.host.HostInventory.ContainerSummary;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.HostInventory.HostSnapshot;
import io.powernode.devops.testing.TestDockerEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Against the machine's real engine. */
class HostInventoryReaderTest {

    private static DockerClient docker;
    private final HostInventoryReader reader = new HostInventoryReader(Clock.systemUTC());

    @BeforeAll
    static void engine() {
        docker = TestDockerEngine.client();
    }

    @AfterAll
    static void closeClient() throws Exception {
        docker.close();
    }

    @Test
    void snapshotCountsMatchWhatTheDaemonSaysAboutItself() {
        HostSnapshot snapshot = reader.read(docker);
        Info info = docker.infoCmd().exec();

        assertThat(snapshot.containers()).hasSize(info.getContainers());
        assertThat(snapshot.images()).hasSize(info.getImages());
        assertThat(snapshot.images()).anySatisfy(image -> assertThat(image.repoTags()).contains(TestDockerEngine.TEST_IMAGE));
        assertThat(snapshot.networks()).extracting(n -> n.name()).contains("host", "none");
        assertThat(snapshot.systemInfo().apiVersion()).isEqualTo("1.41");
        assertThat(snapshot.systemInfo().cpuCount()).isPositive();
        assertThat(snapshot.systemInfo().memoryBytes()).isPositive();
    }

    @Test
    void aContainerStartedAndRemovedShowsInTheEventsAndInTheNextSnapshot() {
        List<DockerEventRecord> events = new CopyOnWriteArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        HostConnection local = HostConnection.plain(TestDockerEngine.ENDPOINT);
        DockerClientFactory factory = new DockerClientFactory(new DockerTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        try (DockerEventFollower follower = new DockerEventFollower(local.apiEndpoint(), factory.forStreaming(local),
                events::add, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), timer)) {
            follower.start(OptionalLong.empty());
            HostSnapshot before = reader.read(docker);

            String id = docker.createContainerCmd(TestDockerEngine.TEST_IMAGE).withCmd("sleep", "60")
                    .withLabels(Map.of("powernode.test", "inventory", "powernode.api-token", "s3cret"))
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec().getId();
            HostSnapshot running;
            try {
                docker.startContainerCmd(id).exec();
                running = reader.read(docker);
            } finally {
                docker.removeContainerCmd(id).withForce(true).exec();
            }
            HostSnapshot after = reader.read(docker);

            assertThat(before.containers()).extracting(ContainerSummary::id).doesNotContain(id);
            assertThat(running.containers()).filteredOn(c -> c.id().equals(id)).singleElement().satisfies(c -> {
                assertThat(c.state()).isEqualTo("running");
                assertThat(c.image()).isEqualTo(TestDockerEngine.TEST_IMAGE);
                assertThat(c.labels()).containsOnlyKeys("powernode.test");
                assertThat(c.health()).isNull();
            });
            assertThat(after.containers()).isEqualTo(before.containers());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(events).filteredOn(e -> id.equals(e.actorId()))
                            .extracting(DockerEventRecord::action).contains("create", "start", "destroy"));
            assertThat(events).filteredOn(e -> id.equals(e.actorId())).allSatisfy(e -> {
                assertThat(e.type()).isEqualTo("container");
                assertThat(e.scope()).isEqualTo("local");
                assertThat(e.attributes()).containsEntry("powernode.test", "inventory")
                        .doesNotContainKey("powernode.api-token");
            });
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void labelsThatLookLikeSecretsAreLeftOutOfContainersAndVolumes() {
        Map<String, String> labels = Map.of("powernode.test", "labels", "com.example.db-password", "hunter2",
                "API_TOKEN", "abc", "vault.auth", "x");
        String volume = "pn-secret-labels-" + UUID.randomUUID();
        docker.createVolumeCmd().withName(volume).withLabels(labels).exec();
        try {
            String id = docker.createContainerCmd(TestDockerEngine.TEST_IMAGE).withCmd("true").withLabels(labels)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none")).exec().getId();
            try {
                HostSnapshot snapshot = reader.read(docker);

                assertThat(snapshot.containers()).filteredOn(c -> c.id().equals(id)).singleElement()
                        .satisfies(c -> assertThat(c.labels()).containsOnlyKeys("powernode.test"));
                assertThat(snapshot.volumes()).filteredOn(v -> v.name().equals(volume)).singleElement()
                        .satisfies(v -> assertThat(v.labels()).containsOnlyKeys("powernode.test"));
            } finally {
                docker.removeContainerCmd(id).withForce(true).exec();
            }
        } finally {
            docker.removeVolumeCmd(volume).exec();
        }
    }

    @Test
    void healthIsReadFromTheStatusText() {
        assertThat(ContainerHealth.fromStatus("Up 3 minutes (healthy)")).isEqualTo("healthy");
        assertThat(ContainerHealth.fromStatus("Up 3 minutes (unhealthy)")).isEqualTo("unhealthy");
        assertThat(ContainerHealth.fromStatus("Up 2 seconds (health: starting)")).isEqualTo("starting");
        assertThat(ContainerHealth.fromStatus("Exited (0) 5 seconds ago")).isNull();
    }
}
