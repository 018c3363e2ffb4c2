package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.host.HostEvents.HostRegistered;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterConnected;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterCredentialsReplaced;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterSyncFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmEventObserved;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNodesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.ClusterQueries.StreamClusterFeed;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterFeedEntry;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.query.CredentialLeakCheck;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import io.powernode.devops.query.host.HostProjection;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.query.swarm.SwarmFixture.ACCOUNT;
import static io.powernode.devops.query.swarm.SwarmFixture.ACTOR;
import static io.powernode.devops.query.swarm.SwarmFixture.BY_ACTOR;
import static io.powernode.devops.query.swarm.SwarmFixture.CIPHERTEXT;
import static io.powernode.devops.query.swarm.SwarmFixture.OBSERVED;
import static io.powernode.devops.query.swarm.SwarmFixture.OTHER_ACCOUNT;
import static io.powernode.devops.query.swarm.SwarmFixture.manager;
import static io.powernode.devops.query.swarm.SwarmFixture.registered;
import static io.powernode.devops.query.swarm.SwarmFixture.worker;
import static org.assertj.core.api.Assertions.assertThat;

class ClusterFeedTest extends EmbeddedMongoTest {
    private static final ScaleService SCALE_WEB = new ScaleService("svc-web", 3);

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        queries = new QueryBusFixture().register(new ClusterQueryHandler(database, new SwarmEventQueryHandler(database)));
        events = new EventDelivery(new ClusterFeedProjection(database, queries.emitter));
    }

    @Test
    void eachClusterEventBecomesAnEntryNumberedInTurn() {
        events.deliver("c1", registered("c1", ACCOUNT, "prod", DeploymentEnvironment.production));
        events.deliver("c1", new ClusterSyncFailed("c1", ACCOUNT, 1, "timeout", OBSERVED));

        List<ClusterFeedEntry> entries = initialFeed(ACCOUNT, 0);

        assertThat(entries).extracting(ClusterFeedEntry::position).containsExactly(1L, 2L);
        assertThat(entries.get(0).change()).isEqualTo(Map.of("name", "prod", "manager_endpoint", "tcp://prod:2376",
                "environment", "production", "tls_verify", true, "has_tls_credentials", true,
                "sync_interval_seconds", 30));
        ClusterFeedEntry failure = entries.get(1);
        assertThat(failure.eventType()).isEqualTo("ClusterSyncFailed");
        assertThat(failure.clusterId()).isEqualTo("c1");
        assertThat(failure.accountId()).isEqualTo(ACCOUNT);
        assertThat(failure.occurredAt()).isEqualTo(EventDelivery.START.plusSeconds(2));
        assertThat(failure.change()).isEqualTo(Map.of("consecutive_failures", 1, "error", "timeout"));
    }

    @Test
    void anInventoryChangeIsSummarisedByCountsAndIds() {
        events.deliver("c1", new SwarmNodesChanged("c1", ACCOUNT, List.of(manager("m2", "reachable")),
                List.of(worker("w1", NodeState.down)), List.of("w2", "w3"), OBSERVED));

        assertThat(initialFeed(ACCOUNT, 0).get(0).change()).isEqualTo(Map.of(
                "added_count", 1, "changed_count", 1, "removed_count", 2,
                "added", List.of("m2"), "changed", List.of("w1"), "removed", List.of("w2", "w3")));
    }

    @Test
    void aSwarmEventIsAnEntryWithItsSeverity() {
        long nanos = 1_772_359_200_123_456_789L;
        events.deliver("c1", new SwarmEventObserved("c1", ACCOUNT, new DockerEventRecord("node", "update", "w1",
                Map.of("state.new", "down"), "swarm", nanos)));

        ClusterFeedEntry entry = initialFeed(ACCOUNT, 0).get(0);

        assertThat(entry.eventType()).isEqualTo("SwarmEventObserved");
        assertThat(entry.change()).isEqualTo(Map.of("type", "node", "action", "update", "actor_id", "w1",
                "attributes", Map.of("state.new", "down"), "severity", "error",
                "time", "2026-03-01T10:00:00.123456789Z"));
    }

    @Test
    void anOperationsEntriesFollowItFromRequestToOutcome() {
        events.deliver("c1", new SwarmOperationRequested("c1", ACCOUNT, "op-1", SCALE_WEB, OBSERVED), BY_ACTOR);
        events.deliver("c1", new SwarmOperationStarted("c1", ACCOUNT, "op-1", "scale_service",
                OBSERVED.plusSeconds(1), "attempt-1"));
        events.deliver("c1", new SwarmOperationSucceeded("c1", ACCOUNT, "op-1", "scale_service", "svc-web",
                List.of("scaled"), OBSERVED.plusSeconds(2)));

        List<ClusterFeedEntry> entries = initialFeed(ACCOUNT, 0);

        assertThat(entries).extracting(ClusterFeedEntry::eventType).containsExactly("SwarmOperationRequested",
                "SwarmOperationStarted", "SwarmOperationSucceeded");
        assertThat(entries.get(0).change()).isEqualTo(Map.of("id", "op-1", "type", "scale_service",
                "status", "requested", "target", "svc-web", "parameters", Map.of("service_id", "svc-web",
                        "replicas", 3), "requested_by", ACTOR, "requested_at", "2026-03-01T11:00:00Z"));
        assertThat(entries.get(1).change()).isEqualTo(Map.of("id", "op-1", "type", "scale_service",
                "status", "running", "started_at", "2026-03-01T11:00:01Z"));
        assertThat(entries.get(2).change()).isEqualTo(Map.of("id", "op-1", "type", "scale_service",
                "status", "succeeded", "resource_id", "svc-web", "notes", List.of("scaled"),
                "completed_at", "2026-03-01T11:00:02Z"));
    }

    @Test
    void aFailedOperationsEntrySaysWhy() {
        events.deliver("c1", new SwarmOperationFailed("c1", ACCOUNT, "op-1", "scale_service",
                new OperationFailure(OperationFailure.Kind.unavailable, "the swarm has no leader"), OBSERVED));

        assertThat(initialFeed(ACCOUNT, 0).get(0).change()).isEqualTo(Map.of("id", "op-1", "type", "scale_service",
                "status", "failed", "failure_kind", "unavailable", "failure_message", "the swarm has no leader",
                "completed_at", "2026-03-01T11:00:00Z"));
    }

    @Test
    void aResumingClientGetsOnlyItsAccountsEntriesAfterItsLastNumber() {
        events.deliver("c1", registered("c1", ACCOUNT, "prod", DeploymentEnvironment.production));
        events.deliver("c2", registered("c2", OTHER_ACCOUNT, "theirs", DeploymentEnvironment.staging));
        events.deliver("c1", new ClusterConnected("c1", ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED));
        events.deliver("c1", new ClusterSyncFailed("c1", ACCOUNT, 1, "timeout", OBSERVED));

        assertThat(initialFeed(ACCOUNT, 1)).extracting(ClusterFeedEntry::position).containsExactly(3L, 4L);
        assertThat(initialFeed(OTHER_ACCOUNT, 0)).extracting(ClusterFeedEntry::clusterId).containsExactly("c2");
    }

    @Test
    void aReDeliveredEventKeepsItsEntryAndNumber() {
        TrackedEventMessage<?> registration = events.deliver("c1",
                registered("c1", ACCOUNT, "prod", DeploymentEnvironment.production));
        events.deliver("c1", new ClusterConnected("c1", ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED));

        events.redeliver(registration);

        assertThat(initialFeed(ACCOUNT, 0)).extracting(ClusterFeedEntry::position).containsExactly(1L, 2L);
    }

    @Test
    void numberingContinuesAfterARestartAndAboveEveryNumberAfterAReplay() {
        List<TrackedEventMessage<?>> history = List.of(
                events.deliver("c1", registered("c1", ACCOUNT, "prod", DeploymentEnvironment.production)),
                events.deliver("c1", new ClusterConnected("c1", ACCOUNT, ConnectionStatus.pending, "ok", OBSERVED)));
        EventDelivery restarted = new EventDelivery(new ClusterFeedProjection(database, queries.emitter));
        restarted.deliver("c2", registered("c2", ACCOUNT, "test", DeploymentEnvironment.staging));
        assertThat(initialFeed(ACCOUNT, 0)).extracting(ClusterFeedEntry::position).containsExactly(1L, 2L, 3L);

        restarted.reset();
        history.forEach(restarted::redeliver);

        assertThat(initialFeed(ACCOUNT, 0)).extracting(ClusterFeedEntry::position).containsExactly(4L, 5L);
    }

    /** Both feeds keep their counters in one collection; a host's entries must not take the clusters' numbers. */
    @Test
    void theClusterFeedIsNumberedApartFromTheHostFeed() {
        EventDelivery hostEvents = new EventDelivery(new HostProjection(database, queries.emitter));
        hostEvents.deliver("h1", new HostRegistered("h1", ACCOUNT, "web-1", "tcp://web-1:2376",
                DeploymentEnvironment.staging, false, null, 60, OBSERVED));

        events.deliver("c1", registered("c1", ACCOUNT, "prod", DeploymentEnvironment.production));

        assertThat(initialFeed(ACCOUNT, 0)).extracting(ClusterFeedEntry::position).containsExactly(1L);
    }

    @Test
    void aResumingClientGetsAtMostAThousandEntriesOldestFirst() {
        for (int failures = 1; failures <= 1001; failures++) {
            events.deliver("c1", new ClusterSyncFailed("c1", ACCOUNT, failures, "timeout", OBSERVED));
        }

        List<ClusterFeedEntry> backlog = initialFeed(ACCOUNT, 0);

        assertThat(backlog).hasSize(1000);
        assertThat(backlog.get(999).position()).isEqualTo(1000);
        assertThat(initialFeed(ACCOUNT, 1000)).extracting(ClusterFeedEntry::position).containsExactly(1001L);
    }

    @Test
    void aClientWithoutAResumePositionGetsNoHistoryOnlyWhatHappensNext() {
        events.deliver("c1", registered("c1", ACCOUNT, "prod", DeploymentEnvironment.production));
        SubscriptionQueryResult<List<ClusterFeedEntry>, ClusterFeedEntry> fresh = subscribe(ACCOUNT, -1);

        events.deliver("c1", new ClusterConnected("c1", ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED));
        queries.emitter.complete(StreamClusterFeed.class, query -> true);

        assertThat(fresh.initialResult().block(Duration.ofSeconds(10))).isEmpty();
        assertThat(fresh.updates().collectList().block(Duration.ofSeconds(10)))
                .extracting(ClusterFeedEntry::position).containsExactly(2L);
    }

    @Test
    void liveSubscribersReceiveTheirAccountsEntriesOnlyAsAResumingClientReadsThem() {
        SubscriptionQueryResult<List<ClusterFeedEntry>, ClusterFeedEntry> mine = subscribe(ACCOUNT, -1);
        SubscriptionQueryResult<List<ClusterFeedEntry>, ClusterFeedEntry> theirs = subscribe(OTHER_ACCOUNT, -1);

        events.deliver("c1", registered("c1", ACCOUNT, "prod", DeploymentEnvironment.production));
        events.deliver("c1", new SwarmOperationRequested("c1", ACCOUNT, "op-1", SCALE_WEB, OBSERVED), BY_ACTOR);
        queries.emitter.complete(StreamClusterFeed.class, query -> true);

        List<ClusterFeedEntry> received = mine.updates().collectList().block(Duration.ofSeconds(10));
        assertThat(received).extracting(ClusterFeedEntry::eventType)
                .containsExactly("ClusterRegistered", "SwarmOperationRequested");
        assertThat(received).isEqualTo(initialFeed(ACCOUNT, 0));
        assertThat(theirs.updates().collectList().block(Duration.ofSeconds(10))).isEmpty();
    }

    /** The feed keeps a removed cluster's history, and what is reported about it afterwards still gets through. */
    @Test
    void removingAClusterDoesNotBreakTheFeed() {
        events.deliver("c1", registered("c1", ACCOUNT, "prod", DeploymentEnvironment.production));
        events.deliver("c1", new ClusterRemoved("c1", ACCOUNT, "prod", OBSERVED));
        events.deliver("c1", new SwarmOperationFailed("c1", ACCOUNT, "op-1", "scale_service",
                new OperationFailure(OperationFailure.Kind.unavailable, "cluster removed"), OBSERVED));
        events.deliver("c2", registered("c2", ACCOUNT, "next", DeploymentEnvironment.staging));

        List<ClusterFeedEntry> entries = initialFeed(ACCOUNT, 0);

        assertThat(entries).extracting(ClusterFeedEntry::eventType).containsExactly("ClusterRegistered",
                "ClusterRemoved", "SwarmOperationFailed", "ClusterRegistered");
        assertThat(entries.get(1).change()).isEqualTo(Map.of("name", "prod"));
    }

    @Test
    void sealedValuesReachNoEntry() {
        events.deliver("c1", registered("c1", ACCOUNT, "prod", DeploymentEnvironment.production));
        events.deliver("c1", new ClusterCredentialsReplaced("c1", ACCOUNT,
                new SealedCredentials("master-2026", CIPHERTEXT), OBSERVED));
        events.deliver("c1", new SwarmOperationRequested("c1", ACCOUNT, "op-1", new CreateSecret("db_password",
                new SealedValue("master-2026", CIPHERTEXT), Map.of()), OBSERVED), BY_ACTOR);

        CredentialLeakCheck.assertNowhere(database, CIPHERTEXT);
        CredentialLeakCheck.assertNowhere(database, "master-2026");
        assertThat(initialFeed(ACCOUNT, 0).get(1).change()).isEqualTo(Map.of("has_tls_credentials", true));
    }

    private List<ClusterFeedEntry> initialFeed(String accountId, long afterPosition) {
        return subscribe(accountId, afterPosition).initialResult().block(Duration.ofSeconds(10));
    }

    private SubscriptionQueryResult<List<ClusterFeedEntry>, ClusterFeedEntry> subscribe(String accountId,
                                                                                         long after) {
        return queries.gateway.subscriptionQuery(new StreamClusterFeed(accountId, after),
                ResponseTypes.multipleInstancesOf(ClusterFeedEntry.class),
                ResponseTypes.instanceOf(ClusterFeedEntry.class));
    }
}
