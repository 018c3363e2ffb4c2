package io.powernode.devops.sync;

import io.powernode.devops.testing.TestDockerEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A host's event feed against the machine's engine, its events told apart by container names of their own. */
class EndpointEventFeedsTest {

    private static final String HOST = "host-feeds";
    private static final SyncSettings SETTINGS = new SyncSettings(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofMillis(200), 2, Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(500));
    private static final SyncTarget TARGET = new SyncTarget(HOST, EndpointKind.docker_host, "acc-1", TestDockerEngine.ENDPOINT, false, null, 60, false);

    private final SyncFixture fixture = new SyncFixture(SETTINGS, new RecordingCommandBus(), TARGET);

    @BeforeAll
    static void engine() {
        TestDockerEngine.ensureReady();
    }

    @AfterEach
    void closeFeeds() {
        fixture.close();
    }

    @Test
    void eventsWhileNoFollowerRunsAreDeliveredByTheNextFollowerFromTheStoredWatermark() {
        String before = SyncFixture.runContainer("pn-before");
        fixture.feeds.follow(TARGET, () -> { });
        fixture.runContainersUntilFollowed("pn-first");
        assertThat(fixture.targets.eventWatermark(HOST)).isPresent();

        fixture.feeds.stop(HOST);
        String missed = SyncFixture.runContainer("pn-missed");
        fixture.feeds.follow(TARGET, () -> { });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fixture.eventActionsOf(missed)).contains("create", "start", "die", "destroy"));
        // with no watermark yet, the first follower started at the daemon's now
        assertThat(fixture.eventActionsOf(before)).isEmpty();
    }

    @Test
    void ofConcurrentFollowsOneFollowerStaysAndStopEndsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<?>[] follows = new Future<?>[16];
            for (int i = 0; i < follows.length; i++) {
                follows[i] = pool.submit(() -> {
                    go.await();
                    fixture.feeds.follow(TARGET, () -> { });
                    return null;
                });
            }
            go.countDown();
            for (Future<?> follow : follows) {
                follow.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        fixture.feeds.stop(HOST);

        String afterStop = SyncFixture.runContainer("pn-after-stop");

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> fixture.eventActionsOf(afterStop).isEmpty());
    }
}
