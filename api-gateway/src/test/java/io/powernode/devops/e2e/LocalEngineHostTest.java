package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import io.powernode.devops.testing.TestDockerEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The local Docker engine registered through the API, observed end to end. */
class LocalEngineHostTest {

    private static final Duration SOON = Duration.ofSeconds(30);

    private static Platform platform;
    private static DockerClient docker;

    @BeforeAll
    static void start() {
        TestDockerEngine.ensureReady();
        platform = SharedPlatform.get();
        docker = TestDockerEngine.client();
    }

    @AfterAll
    static void closeDocker() throws Exception {
        docker.close();
    }

    @Test
    void registeringTheLocalEngineConnectsWithTheCountsTheEngineReports() {
        HostApi api = HostApi.freshAccount(platform);
        String id = api.register("local-engine", TestDockerEngine.ENDPOINT, Map.of());

        JsonNode host = api.awaitStatus(id, "connected", SOON);
        Info info = docker.infoCmd().exec();
        assertThat(host.path("container_count").asInt()).isEqualTo(info.getContainers());
        assertThat(host.path("image_count").asInt()).isEqualTo(info.getImages());
        assertThat(host.path("docker_version").asText()).isEqualTo(info.getServerVersion());
        assertThat(host.path("architecture").asText()).isNotBlank();
        assertThat(host.path("cpu_count").asInt()).isPositive();
        assertThat(host.path("memory_bytes").asLong()).isPositive();
        assertThat(host.path("last_synced_at").isNull()).isFalse();
        assertThat(host.path("consecutive_failures").asInt()).isZero();
        assertThat(host.has("tls_credentials")).isFalse();

        JsonNode activities = api.get("/activities?target_id=" + id).path("activities");
        assertThat(activities).hasSize(1);
        assertThat(activities.get(0).path("action").asText()).isEqualTo("register_host");
        assertThat(activities.get(0).path("actor_id").asText()).isEqualTo("alice");
        assertThat(activities.get(0).path("outcome").asText()).isEqualTo("succeeded");
        assertThat(activities.get(0).path("correlation_id").asText()).isNotBlank();
    }

    @Test
    void aContainerStartedAndRemovedShowsUpAsInventoryEventsInTheReadModelAndOnTheStream() {
        HostApi api = HostApi.freshAccount(platform);
        String id = api.register("local-engine", TestDockerEngine.ENDPOINT, Map.of());
        api.awaitStatus(id, "connected", SOON);

        // resuming from 0: the account's whole history first, then live
        try (FeedStream stream = FeedStream.open(platform, api, "0")) {
            stream.await("registration replayed on the stream", e -> e.type().equals("HostRegistered"), SOON);

            String name = "pn-e2e-" + UUID.randomUUID().toString().substring(0, 8);
            String containerId = TestDockerEngine.docker("run", "-d", "--name", name, TestDockerEngine.TEST_IMAGE, "sleep", "300").trim();
            try {
                await().atMost(SOON).until(() -> containers(api, id).stream()
                        .anyMatch(c -> c.path("id").asText().equals(containerId) && c.path("state").asText().equals("running")));
                stream.await("container added on the stream", e -> e.type().equals("HostContainersChanged")
                        && e.data().path("change").path("added").toString().contains(containerId), SOON);
                await().atMost(SOON).until(() -> api.get("/events?host_id=" + id + "&type=container").path("events")
                        .findValuesAsText("actor_id").contains(containerId));
            } finally {
                TestDockerEngine.docker("rm", "-f", containerId);
            }

            await().atMost(SOON).until(() -> containers(api, id).stream().noneMatch(c -> c.path("id").asText().equals(containerId)));
            FeedStream.Received removal = stream.await("container removed on the stream", e -> e.type().equals("HostContainersChanged")
                    && e.data().path("change").path("removed").toString().contains(containerId), SOON);
            assertThat(removal.data().path("host").path("id").asText()).isEqualTo(id);

            List<Long> ids = stream.received().stream().map(FeedStream.Received::id).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertResumesWithoutLossOrDuplicate(api, stream);
        }
    }

    /** Reconnecting with Last-Event-ID of an earlier event gives exactly the events after it. */
    private static void assertResumesWithoutLossOrDuplicate(HostApi api, FeedStream first) {
        List<FeedStream.Received> seen = first.received();
        FeedStream.Received resumePoint = seen.get(seen.size() / 2);
        List<Long> expected = seen.stream().map(FeedStream.Received::id).filter(i -> i > resumePoint.id()).toList();
        try (FeedStream resumed = FeedStream.open(platform, api, Long.toString(resumePoint.id()))) {
            await().atMost(SOON).until(() -> resumed.received().size() >= expected.size());
            List<Long> got = resumed.received().stream().map(FeedStream.Received::id).toList();
            assertThat(got.subList(0, expected.size())).isEqualTo(expected);
            assertThat(got).doesNotHaveDuplicates().allMatch(i -> i > resumePoint.id());
        }
    }

    @Test
    void aStreamOpenedWithoutLastEventIdStartsFromNow() {
        HostApi api = HostApi.freshAccount(platform);
        String id = api.register("local-engine", TestDockerEngine.ENDPOINT, Map.of());
        api.awaitStatus(id, "connected", SOON);

        try (FeedStream stream = FeedStream.open(platform, api)) {
            api.post("/hosts/" + id + "/maintenance", "").expectStatus().isOk();
            stream.await("the live change", e -> e.type().equals("HostMaintenanceStarted"), SOON);
            assertThat(stream.received()).extracting(FeedStream.Received::type).doesNotContain("HostRegistered");
        }
    }

    @Test
    void maintenanceStopsSyncAndEndingItReconnects() {
        HostApi api = HostApi.freshAccount(platform);
        String id = api.register("local-engine", TestDockerEngine.ENDPOINT, Map.of());
        api.awaitStatus(id, "connected", SOON);

        JsonNode inMaintenance = api.post("/hosts/" + id + "/maintenance?reason=kernel+upgrade", "")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(inMaintenance.path("host").path("status").asText()).isEqualTo("maintenance");

        api.client.delete().uri(Platform.API + "/hosts/" + id + "/maintenance").exchange().expectStatus().isOk();
        api.awaitStatus(id, "connected", SOON);

        JsonNode actions = api.get("/activities?target_id=" + id).path("activities");
        assertThat(actions.findValuesAsText("action"))
                .containsExactly("end_host_maintenance", "start_host_maintenance", "register_host");
        assertThat(actions.get(1).path("parameters").path("reason").asText()).isEqualTo("kernel upgrade");
    }

    @Test
    void removingAHostForgetsItsInventoryButKeepsItsHistory() {
        HostApi api = HostApi.freshAccount(platform);
        String id = api.register("local-engine", TestDockerEngine.ENDPOINT, Map.of());
        api.awaitStatus(id, "connected", SOON);

        api.client.delete().uri(Platform.API + "/hosts/" + id).exchange().expectStatus().isNoContent();

        api.client.get().uri(Platform.API + "/hosts/" + id).exchange().expectStatus().isNotFound();
        await().atMost(SOON).until(() -> api.get("/images?host_id=" + id).path("images").isEmpty());
        assertThat(api.get("/activities?target_id=" + id).path("activities").findValuesAsText("action"))
                .contains("remove_host", "register_host");
        // the name is free again in this account
        api.register("local-engine", "tcp://127.0.0.1:1", Map.of());
    }

    private static List<JsonNode> containers(HostApi api, String hostId) {
        JsonNode page = api.get("/containers?host_id=" + hostId + "&per_page=100");
        return page.path("containers").findParents("id").stream().toList();
    }
}
