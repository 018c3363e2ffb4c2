package io.powernode.devops.sync;

import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.host.HostQueries.FindLastSyncTimes;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterSync;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterSyncFailure;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmEvent;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestDockerEngine;
import io.powernode.devops.testing.TestSwarm;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A cluster's sync against the shared test swarm, reached through its leader over TCP as a platform would. */
class ClusterSyncTest {

    private static final String CLUSTER = UUID.randomUUID().toString();
    private static final SyncSettings SETTINGS = new SyncSettings(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofMillis(200), 2, Duration.ofSeconds(2), Duration.ofSeconds(10),
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(500));

    private static TestSwarm swarm;
    private final RecordingCommandBus bus = new RecordingCommandBus();
    private SyncFixture fixture;

    @BeforeAll
    static void sharedSwarm() {
        swarm = TestSwarm.shared();
    }

    @AfterEach
    void stopSync() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aClusterIsSyncedThroughItsManagerAsTheSystemWithEveryNodeAndItsLeader() {
        startSync(swarm.managerEndpoint());
        await().atMost(Duration.ofSeconds(30)).until(() -> !bus.payloads(RecordClusterSync.class).isEmpty());

        CommandMessage<?> sync = bus.sent().stream().filter(m -> m.getPayload() instanceof RecordClusterSync)
                .findFirst().orElseThrow();
        assertThat(sync.getMetaData())
                .containsEntry(MessageMetadata.ACCOUNT_ID, "acc-1")
                .containsEntry(MessageMetadata.ACTOR_ID, "endpoint-sync")
                .containsEntry(MessageMetadata.ACTOR_TYPE, "system");
        RecordClusterSync recorded = (RecordClusterSync) sync.getPayload();
        assertThat(recorded.clusterId()).isEqualTo(CLUSTER);
        List<NodeSummary> nodes = recorded.snapshot().nodes();
        assertThat(nodes).hasSize(4);
        assertThat(nodes).filteredOn(node -> node.role() == NodeRole.manager).hasSize(3);
        assertThat(nodes).filteredOn(NodeSummary::leader).singleElement()
                .satisfies(node -> assertThat(node.hostname()).isEqualTo(swarm.leader().name()));
        assertThat(fixture.ledger.handle(new FindLastSyncTimes(List.of(CLUSTER, "unknown"))).byHostId())
                .containsOnlyKeys(CLUSTER);
    }

    @Test
    void aSecondSyncOfAnUnchangedSwarmReportsTheSameSnapshotAgain() {
        startSync(swarm.managerEndpoint());
        await().atMost(Duration.ofSeconds(30)).until(() -> !bus.payloads(RecordClusterSync.class).isEmpty());

        fixture.scheduler.requestSync(CLUSTER, Duration.ZERO);

        // the cluster, not the sync, drops what it already knows: the sync reports every snapshot it reads
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.payloads(RecordClusterSync.class).size() >= 2);
        List<RecordClusterSync> syncs = bus.payloads(RecordClusterSync.class);
        assertThat(syncs.get(1).snapshot().swarm()).isEqualTo(syncs.get(0).snapshot().swarm());
        assertThat(syncs.get(1).snapshot().nodes()).isEqualTo(syncs.get(0).snapshot().nodes());
        assertThat(syncs.get(1).snapshot().observedAt()).isAfterOrEqualTo(syncs.get(0).snapshot().observedAt());
        assertThat(bus.payloads(RecordClusterSyncFailure.class)).isEmpty();
    }

    @Test
    void aServiceCreatedOnTheLeaderIsRecordedAsSwarmEventAndShowsInTheExtraSyncButTheLeadersContainersDoNot() {
        SwarmNode leader = swarm.leader();
        // the stream opens in the background: from a watermark of now, it resumes with whatever it missed
        startSync(swarm.managerEndpoint(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        await().atMost(Duration.ofSeconds(30)).until(() -> !bus.payloads(RecordClusterSync.class).isEmpty());
        String service = "pn-sync-" + UUID.randomUUID().toString().substring(0, 8);

        // a container of the manager node itself: an event of the node's daemon, not of the swarm
        leader.docker("run", "--rm", "--network", "none", TestDockerEngine.TEST_IMAGE, "true");
        leader.docker("service", "create", "--detach", "--name", service, TestDockerEngine.TEST_IMAGE,
                "sleep", "3600");
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(bus.payloads(RecordSwarmEvent.class)).anySatisfy(recorded -> {
                    assertThat(recorded.clusterId()).isEqualTo(CLUSTER);
                    assertThat(recorded.event().type()).isEqualTo("service");
                    assertThat(recorded.event().action()).isEqualTo("create");
                    assertThat(recorded.event().attributes()).containsEntry("name", service);
                });
                assertThat(bus.payloads(RecordClusterSync.class)).anySatisfy(sync ->
                        assertThat(sync.snapshot().services()).extracting(ServiceSummary::name).contains(service));
            });
            assertThat(bus.payloads(RecordSwarmEvent.class)).allSatisfy(recorded -> {
                assertThat(recorded.event().scope()).isEqualTo("swarm");
                assertThat(recorded.event().type()).isIn("service", "node", "secret", "config", "network");
            });
        } finally {
            leader.docker("service", "rm", service);
        }
    }

    /** No Docker event says a task reached running: the sync comes back soon while the swarm converges. */
    @Test
    void aSwarmStillConvergingIsSyncedAgainUntilItsServiceRunsEveryReplica() {
        startSync(swarm.managerEndpoint());
        await().atMost(Duration.ofSeconds(30)).until(() -> !bus.payloads(RecordClusterSync.class).isEmpty());
        String service = "pn-settle-" + UUID.randomUUID().toString().substring(0, 8);
        swarm.leader().docker("service", "create", "--detach", "--name", service, "--replicas", "3",
                TestDockerEngine.TEST_IMAGE, "sleep", "3600");
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(bus.payloads(RecordClusterSync.class)).anySatisfy(sync ->
                            assertThat(sync.snapshot().services()).anySatisfy(summary -> {
                                assertThat(summary.name()).isEqualTo(service);
                                assertThat(summary.runningTasks()).isEqualTo(3);
                            })));
        } finally {
            swarm.leader().docker("service", "rm", service);
        }
    }

    @Test
    void aClusterWhoseManagerCannotBeReachedFailsItsSync() throws IOException {
        startSync("tcp://127.0.0.1:" + closedPort());

        await().atMost(Duration.ofSeconds(30)).until(() -> !bus.payloads(RecordClusterSyncFailure.class).isEmpty());

        RecordClusterSyncFailure failure = bus.payloads(RecordClusterSyncFailure.class).get(0);
        assertThat(failure.clusterId()).isEqualTo(CLUSTER);
        assertThat(failure.error()).isNotBlank();
        assertThat(bus.payloads(RecordClusterSync.class)).isEmpty();
        assertThat(fixture.ledger.lastAnswer(CLUSTER)).isEmpty();
    }

    private void startSync(String managerEndpoint) {
        fixture = new SyncFixture(SETTINGS, bus, target(managerEndpoint));
        fixture.scheduler.start();
    }

    /** As if the cluster had recorded an event at {@code eventsFrom}: its stream starts there. */
    private void startSync(String managerEndpoint, Instant eventsFrom) {
        fixture = new SyncFixture(SETTINGS, bus, target(managerEndpoint));
        fixture.targets.advanceEventWatermark(CLUSTER, eventsFrom.toEpochMilli() * 1_000_000L);
        fixture.scheduler.start();
    }

    private static SyncTarget target(String managerEndpoint) {
        return new SyncTarget(CLUSTER, EndpointKind.swarm_cluster, "acc-1", managerEndpoint, false, null, 60, false);
    }

    /** A local port nothing listens on (any more). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
