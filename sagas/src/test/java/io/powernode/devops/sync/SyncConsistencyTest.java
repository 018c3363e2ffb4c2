package io.powernode.devops.sync;

import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSync;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSyncFailure;
import io.powernode.devops.testing.TestDockerEngine;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The scheduler against the machine's engine: what one host is told stays consistent when things go wrong. */
class SyncConsistencyTest {

    private static final String HOST = "host-consistency";
    private static final SyncSettings SETTINGS = new SyncSettings(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofMillis(200), 4, Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(500));

    private SyncFixture fixture;
    private SilenceableRelay relay;

    @BeforeAll
    static void engine() {
        TestDockerEngine.ensureReady();
    }

    @AfterEach
    void stopEverything() {
        if (fixture != null) {
            fixture.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void syncsOfOneHostNeverOverlapAcrossPausesAndAreReportedInTheOrderObserved() throws InterruptedException {
        // a host that takes its time over each report, so that syncs of one paused and resumed host would overlap
        fixture = new SyncFixture(SETTINGS, new RecordingCommandBus(Duration.ofMillis(50)), target(TestDockerEngine.ENDPOINT));
        fixture.scheduler.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> !fixture.bus.payloads(RecordHostSync.class).isEmpty());

        // resumes spread over about a second, each landing while the sync it started before may still report:
        // enough syncs to see their order, however fast this machine runs them
        for (int i = 0; i < 20; i++) {
            fixture.scheduler.targetChanged(inMaintenance(target(TestDockerEngine.ENDPOINT)), false);
            fixture.scheduler.targetChanged(target(TestDockerEngine.ENDPOINT), true);
            Thread.sleep(50);
        }
        AtomicInteger reported = new AtomicInteger();
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(1))
                .until(() -> fixture.bus.sent().size() == reported.getAndSet(fixture.bus.sent().size()));

        List<Instant> observed = fixture.bus.sent().stream().map(SyncConsistencyTest::observedAt)
                .filter(Objects::nonNull).toList();
        assertThat(observed).hasSizeGreaterThan(5).isSorted();
        assertThat(fixture.bus.mostAtOnce()).isEqualTo(1);
    }

    @Test
    void anEventStreamThatWentSilentIsReopenedOnceTheHostAnswersAgain() {
        relay = new SilenceableRelay(Path.of(TestDockerEngine.ENDPOINT.substring("unix://".length())));
        fixture = new SyncFixture(SETTINGS, new RecordingCommandBus(), target(relay.endpoint()));
        fixture.scheduler.start();
        fixture.runContainersUntilFollowed("pn-before-silence");

        // the remote host dies without closing anything: the stream stays open, and syncs fail
        relay.silence();
        fixture.scheduler.requestSync(HOST, Duration.ZERO);
        await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.bus.payloads(RecordHostSyncFailure.class).isEmpty());
        relay.speak();
        int sentBeforeRecovery = fixture.bus.sent().size();
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.bus.sent().stream().skip(sentBeforeRecovery)
                .anyMatch(m -> m.getPayload() instanceof RecordHostSync));

        String afterRecovery = SyncFixture.runContainer("pn-after-recovery");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fixture.eventActionsOf(afterRecovery)).contains("start", "destroy"));
        assertThat(fixture.bus.payloads(RecordDockerEvent.class)).isNotEmpty();
    }

    private static SyncTarget target(String endpoint) {
        return new SyncTarget(HOST, EndpointKind.docker_host, "acc-1", endpoint, false, null, 60, false);
    }

    private static SyncTarget inMaintenance(SyncTarget target) {
        return target.withMaintenance(true);
    }

    private static Instant observedAt(CommandMessage<?> message) {
        if (message.getPayload() instanceof RecordHostSync sync) {
            return sync.snapshot().observedAt();
        }
        return message.getPayload() instanceof RecordHostSyncFailure failure ? failure.observedAt() : null;
    }
}
