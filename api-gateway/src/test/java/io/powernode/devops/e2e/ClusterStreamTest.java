package io.powernode.devops.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.e2e.SwarmApi.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The account's cluster changes as Server-Sent Events, live and resumed with Last-Event-ID, as for hosts. */
class ClusterStreamTest {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String PATH = SwarmApi.SWARM + "/clusters/stream";

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = SharedPlatform.get();
    }

    @Test
    void changesArriveLiveAndAResumedStreamGetsExactlyWhatCameAfterItsLastEvent() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        String token = Platform.token(api.account, "alice", SwarmApi.READ);
        List<FeedStream.Received> seen;
        String first;
        try (FeedStream stream = FeedStream.open(platform, PATH, token, null)) {
            first = api.register("streamed-1", UNREACHABLE, Map.of());
            api.post("/clusters/" + first + "/maintenance", "").expectStatus().isOk();
            String second = api.register("streamed-2", UNREACHABLE, Map.of());
            stream.await("the second registration", e -> e.type().equals("ClusterRegistered")
                    && e.data().path("cluster_id").asText().equals(second), SOON);
            seen = stream.received();
        }
        assertThat(seen).extracting(FeedStream.Received::type).contains("ClusterRegistered", "ClusterMaintenanceStarted");
        assertThat(seen.get(0).data().path("cluster_id").asText()).isEqualTo(first);

        FeedStream.Received resumePoint = seen.stream().filter(e -> e.type().equals("ClusterMaintenanceStarted"))
                .findFirst().orElseThrow();
        List<Long> expected = seen.stream().map(FeedStream.Received::id).filter(id -> id > resumePoint.id()).toList();
        try (FeedStream resumed = FeedStream.open(platform, PATH, token, Long.toString(resumePoint.id()))) {
            await().atMost(SOON).until(() -> resumed.received().size() >= expected.size());
            List<Long> got = resumed.received().stream().map(FeedStream.Received::id).toList();
            assertThat(got.subList(0, expected.size())).isEqualTo(expected);
            assertThat(got).doesNotHaveDuplicates().allMatch(id -> id > resumePoint.id());
        }
    }

    @Test
    void aStreamNeverShowsAnotherAccountsClusters() {
        SwarmApi api = SwarmApi.freshAccount(platform);
        SwarmApi other = SwarmApi.freshAccount(platform);
        try (FeedStream stream = FeedStream.open(platform, PATH, Platform.token(api.account, "alice", SwarmApi.READ), null)) {
            String foreign = other.register("not-yours", UNREACHABLE, Map.of());
            String own = api.register("yours", UNREACHABLE, Map.of());
            stream.await("own registration", e -> e.data().path("cluster_id").asText().equals(own), SOON);
            assertThat(stream.received()).noneMatch(e -> e.data().path("cluster_id").asText().equals(foreign));
        }
    }
}
