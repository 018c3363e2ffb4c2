package io.powernode.devops.sync;

import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSync;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSyncFailure;
import io.powernode.devops.kernel.host.HostQueries.FindLastSyncTimes;
import io.powernode.devops.testing.ExtraDockerDaemon;
import io.powernode.devops.testing.TestDockerEngine;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A host's sync: the scheduler with the real Docker gateway against a daemon of its own, which the test stops
 * and restarts.
 */
class SyncSchedulerTest {

    private static final String HOST = "host-1";
    private static final SyncSettings SETTINGS = new SyncSettings(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofMillis(200), 2, Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(500));

    private final RecordingCommandBus bus = new RecordingCommandBus();
    private ExtraDockerDaemon daemon;
    private SyncFixture fixture;

    @BeforeEach
    void startDaemonAndScheduler() {
        daemon = ExtraDockerDaemon.startUnix();
        daemon.loadTestImage();
        fixture = new SyncFixture(SETTINGS, bus,
                new SyncTarget(HOST, EndpointKind.docker_host, "acc-1", daemon.unixEndpoint(), false, null, 60, false));
        fixture.scheduler.start();
    }

    @AfterEach
    void stopEverything() {
        if (fixture != null) {
            fixture.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void syncsALiveDaemonAsTheSystemAndAnswersWhenItLastAnswered() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !bus.payloads(RecordHostSync.class).isEmpty());

        CommandMessage<?> sync = bus.sent().stream().filter(m -> m.getPayload() instanceof RecordHostSync).findFirst().orElseThrow();
        assertThat(sync.getMetaData())
                .containsEntry(MessageMetadata.ACCOUNT_ID, "acc-1")
                .containsEntry(MessageMetadata.ACTOR_ID, "endpoint-sync")
                .containsEntry(MessageMetadata.ACTOR_TYPE, "system");
        RecordHostSync recorded = (RecordHostSync) sync.getPayload();
        assertThat(recorded.hostId()).isEqualTo(HOST);
        assertThat(recorded.snapshot().images()).anySatisfy(i -> assertThat(i.repoTags()).contains(TestDockerEngine.TEST_IMAGE));
        assertThat(fixture.ledger.handle(new FindLastSyncTimes(List.of(HOST, "unknown"))).byHostId())
                .containsOnlyKeys(HOST);
    }

    @Test
    void aNewContainerIsRecordedAsEventAndShowsInAnExtraSyncSoonAfter() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !bus.payloads(RecordHostSync.class).isEmpty());

        daemon.docker("run", "-d", "--name", "pn-sync-test", "--network", "none", TestDockerEngine.TEST_IMAGE, "sleep", "300");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(bus.payloads(RecordDockerEvent.class))
                    .anySatisfy(e -> assertThat(e.event().action()).isEqualTo("start"));
            assertThat(bus.payloads(RecordHostSync.class))
                    .anySatisfy(s -> assertThat(s.snapshot().containers())
                            .anySatisfy(c -> assertThat(c.name()).isEqualTo("pn-sync-test")));
        });
    }

    @Test
    void aStoppedDaemonFailsRepeatedlyWithBackoffAndIsSyncedAgainOnceBack() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !bus.payloads(RecordHostSync.class).isEmpty());

        daemon.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.payloads(RecordHostSyncFailure.class).size() >= 5);

        List<RecordHostSyncFailure> failures = bus.payloads(RecordHostSyncFailure.class);
        assertThat(failures).allSatisfy(f -> assertThat(f.error())
                .startsWith("cannot sync " + daemon.unixEndpoint() + ": ")
                .containsAnyOf("no such socket", "connection refused"));
        // waits double up to the 1s cap: the 4th gap is longer than the 1st
        Duration firstGap = Duration.between(failures.get(0).observedAt(), failures.get(1).observedAt());
        Duration fourthGap = Duration.between(failures.get(3).observedAt(), failures.get(4).observedAt());
        assertThat(fourthGap).isGreaterThan(firstGap).isGreaterThanOrEqualTo(Duration.ofMillis(700));

        int sentBeforeRestart = bus.sent().size();
        daemon.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.sent().stream().skip(sentBeforeRestart)
                .anyMatch(m -> m.getPayload() instanceof RecordHostSync));
    }

    @Test
    void aHostInMaintenanceIsNotSynced() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !bus.payloads(RecordHostSync.class).isEmpty());

        fixture.scheduler.targetChanged(new SyncTarget(HOST, EndpointKind.docker_host, "acc-1", daemon.unixEndpoint(), false, null, 60, true), false);
        int sentAtPause = bus.sent().size();
        daemon.stop();

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> bus.sent().size() == sentAtPause);
    }
}
