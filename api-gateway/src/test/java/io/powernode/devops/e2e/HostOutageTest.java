package io.powernode.devops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.powernode.devops.testing.ExtraDockerDaemon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A daemon of the test's own is stopped and started again under a registered host. */
class HostOutageTest {

    private static final Duration SOON = Duration.ofSeconds(45);

    private static Platform platform;
    private static ExtraDockerDaemon daemon;

    @BeforeAll
    static void start() {
        daemon = ExtraDockerDaemon.startUnix();
        platform = SharedPlatform.get();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @Test
    void aStoppedDaemonGoesDisconnectedThenErrorAfterFiveFailuresAndConnectsAgainWhenItIsBack() {
        HostApi api = HostApi.freshAccount(platform);
        String id = api.register("outage", daemon.unixEndpoint(), Map.of());
        api.awaitStatus(id, "connected", SOON);

        try (FeedStream stream = FeedStream.open(platform, api)) {
            daemon.stop();
            JsonNode disconnected = api.awaitStatus(id, "disconnected", SOON);
            assertThat(disconnected.path("last_error").asText()).isNotBlank();

            JsonNode error = api.awaitStatus(id, "error", SOON);
            assertThat(error.path("consecutive_failures").asInt()).isGreaterThanOrEqualTo(5);
            assertThat(error.path("last_error").asText()).contains(daemon.unixEndpoint().substring("unix://".length()));

            daemon.start();
            JsonNode back = api.awaitStatus(id, "connected", SOON);
            assertThat(back.path("consecutive_failures").asInt()).isZero();
            assertThat(back.path("last_error").isNull()).isTrue();

            stream.await("the whole outage on the stream", e -> e.type().equals("HostConnected")
                    && e.data().path("change").path("previous_status").asText().equals("error"), SOON);
            assertThat(stream.received().stream().map(FeedStream.Received::type))
                    .contains("HostDisconnected", "HostSyncFailed", "HostMarkedError", "HostConnected");
        }
    }

    @Test
    void recordSuccessClearsTheFailuresSoTheCountStartsAgain() {
        HostApi api = HostApi.freshAccount(platform);
        String id = api.register("manual-recovery", daemon.unixEndpoint(), Map.of());
        api.awaitStatus(id, "connected", SOON);
        try (FeedStream stream = FeedStream.open(platform, api)) {
            daemon.stop();
            try {
                api.awaitStatus(id, "error", SOON);
                api.post("/hosts/" + id + "/record_success", "").expectStatus().isOk();

                FeedStream.Received recovery = stream.await("the recovery on the stream",
                        e -> e.type().equals("HostRecoveryRecorded"), SOON);
                assertThat(recovery.data().path("change").path("previous_status").asText()).isEqualTo("error");
                assertThat(recovery.data().path("change").path("cleared_failures").asInt()).isGreaterThanOrEqualTo(5);
                // the daemon is still down: the next sync fails again, counting from one
                FeedStream.Received failedAgain = stream.await("the first failure after recovery", e -> e.id() > recovery.id()
                        && e.type().equals("HostSyncFailed"), SOON);
                assertThat(failedAgain.data().path("change").path("consecutive_failures").asInt()).isEqualTo(1);
            } finally {
                daemon.start();
            }
        }
        api.awaitStatus(id, "connected", SOON);
        assertThat(api.get("/activities?target_id=" + id + "&action=record_host_success").path("activities")).hasSize(1);
    }
}
