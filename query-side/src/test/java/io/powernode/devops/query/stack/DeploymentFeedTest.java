package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress.AnalysisFailed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Measurement;
import io.powernode.devops.kernel.stack.DeploymentProgress.RolledBack;
import io.powernode.devops.kernel.stack.DeploymentProgress.ServiceWeight;
import io.powernode.devops.kernel.stack.DeploymentProgress.TrafficWeightUpdated;
import io.powernode.devops.kernel.stack.DeploymentTrigger;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentAbortRequested;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackQueries.StreamDeploymentFeed;
import io.powernode.devops.kernel.stack.StackViews.DeploymentFeedEntry;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRegistered;
import io.powernode.devops.query.CredentialLeakCheck;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import io.powernode.devops.query.swarm.ClusterFeedProjection;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.query.stack.StackFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The account's deployment feed: every deployment's timeline as it grows, numbered for SSE clients to resume. */
class DeploymentFeedTest extends EmbeddedMongoTest {
    private static final String SHOP = stackId("shop");

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        queries = new QueryBusFixture().register(new DeploymentQueryHandler(database));
        events = new EventDelivery(new DeploymentFeedProjection(database, queries.emitter));
    }

    @Test
    void eachDeploymentEventIsAnEntryInTheTimelinesWordsNumberedInTurn() {
        StackDeploymentRequested request = deploy("d1", 1, CANARY, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        events.deliver(SHOP, progressed(request, new TrafficWeightUpdated(0, 10,
                List.of(new ServiceWeight("web", 1, 9, 10))), DeploymentPhase.progressing, AT.plusSeconds(5)),
                BY_ROLLOUT);

        List<DeploymentFeedEntry> entries = initialFeed(ACCOUNT, 0);

        assertThat(entries).extracting(DeploymentFeedEntry::position).containsExactly(1L, 2L);
        DeploymentFeedEntry requested = entries.get(0);
        assertThat(requested.eventType()).isEqualTo("requested");
        assertThat(requested.accountId()).isEqualTo(ACCOUNT);
        assertThat(requested.deploymentId()).isEqualTo("d1");
        assertThat(requested.stackId()).isEqualTo(SHOP);
        assertThat(requested.phase()).isEqualTo(DeploymentPhase.progressing);
        assertThat(requested.occurredAt()).isEqualTo(EventDelivery.START.plusSeconds(1));
        assertThat(requested.change()).containsEntry("stack_name", "shop").containsEntry("cluster_id", CLUSTER)
                .containsEntry("revision", 1).containsEntry("trigger", "deploy").containsEntry("strategy", "canary")
                .containsEntry("actor", ACTOR);
        DeploymentFeedEntry weighted = entries.get(1);
        assertThat(weighted.eventType()).isEqualTo("traffic_weight_updated");
        assertThat(weighted.change()).isEqualTo(Map.of("step", 0, "weight", 10, "services", List.of(Map.of(
                "service", "web", "new_replicas", 1, "stable_replicas", 9, "effective_weight", 10)),
                "actor", "rollout"));
    }

    @Test
    void aUsersActionsAreEntriesWithThePhaseTheyLeave() {
        events.deliver(SHOP, deploy("d1", 1, CANARY, AT), BY_ACTOR);
        events.deliver(SHOP, new DeploymentPaused(SHOP, ACCOUNT, "d1", AT.plusSeconds(1)), BY_ACTOR);
        events.deliver(SHOP, new DeploymentResumed(SHOP, ACCOUNT, "d1", AT.plusSeconds(2)), BY_ACTOR);
        events.deliver(SHOP, new DeploymentPromoted(SHOP, ACCOUNT, "d1", true, AT.plusSeconds(3)), BY_ACTOR);
        events.deliver(SHOP, new DeploymentAbortRequested(SHOP, ACCOUNT, "d1", true, AT.plusSeconds(4)), BY_ACTOR);

        List<DeploymentFeedEntry> entries = initialFeed(ACCOUNT, 1);

        assertThat(entries).extracting(DeploymentFeedEntry::eventType)
                .containsExactly("paused", "resumed", "promoted", "abort_requested");
        // an abort request moves no phase: the rollout's report of how it ended does
        assertThat(entries).extracting(DeploymentFeedEntry::phase).containsExactly(DeploymentPhase.paused,
                DeploymentPhase.progressing, DeploymentPhase.progressing, null);
        assertThat(entries.get(2).change()).isEqualTo(Map.of("full", true, "actor", ACTOR));
        assertThat(entries.get(3).change()).isEqualTo(Map.of("as_rollback", true, "actor", ACTOR));
    }

    @Test
    void aFailedAnalysisAndTheRollbackSayWhy() {
        StackDeploymentRequested request = deploy("d1", 1, CANARY, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        events.deliver(SHOP, progressed(request, new AnalysisFailed(0, List.of(new Measurement("web", 1, 1, 0, 0,
                0.4, 10)), "HTTP success rate 40% is below 95%"), DeploymentPhase.progressing, AT), BY_ROLLOUT);
        events.deliver(SHOP, progressed(request, new RolledBack("HTTP success rate 40% is below 95%",
                Map.of("web", "shop_web")), DeploymentPhase.rolled_back, AT), BY_ROLLOUT);

        List<DeploymentFeedEntry> entries = initialFeed(ACCOUNT, 1);

        assertThat(entries).extracting(DeploymentFeedEntry::eventType).containsExactly("analysis_failed",
                "rolled_back");
        assertThat(entries.get(0).change()).containsEntry("reason", "HTTP success rate 40% is below 95%");
        assertThat(entries.get(1).phase()).isEqualTo(DeploymentPhase.rolled_back);
        assertThat(entries.get(1).change()).isEqualTo(Map.of("reason", "HTTP success rate 40% is below 95%",
                "active_services", Map.of("web", "shop_web"), "actor", "rollout"));
    }

    @Test
    void aResumingClientGetsOnlyItsAccountsEntriesAfterItsLastNumber() {
        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);
        StackDeploymentRequested theirs = requested(OTHER_ACCOUNT, OTHER_CLUSTER, "shop", "d2", 1,
                DeploymentTrigger.deploy, null, null, ROLLING, AT);
        events.deliver(theirs.stackId(), theirs, BY_ACTOR);
        events.deliver(SHOP, new DeploymentPaused(SHOP, ACCOUNT, "d1", AT), BY_ACTOR);
        events.deliver(SHOP, new DeploymentResumed(SHOP, ACCOUNT, "d1", AT), BY_ACTOR);

        assertThat(initialFeed(ACCOUNT, 1)).extracting(DeploymentFeedEntry::position).containsExactly(3L, 4L);
        assertThat(initialFeed(OTHER_ACCOUNT, 0)).extracting(DeploymentFeedEntry::deploymentId)
                .containsExactly("d2");
    }

    @Test
    void aReDeliveredEventKeepsItsEntryAndNumber() {
        TrackedEventMessage<?> request = events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);
        events.deliver(SHOP, new DeploymentPaused(SHOP, ACCOUNT, "d1", AT), BY_ACTOR);

        events.redeliver(request);

        assertThat(initialFeed(ACCOUNT, 0)).extracting(DeploymentFeedEntry::position).containsExactly(1L, 2L);
    }

    @Test
    void numberingContinuesAfterARestartAndAboveEveryNumberAfterAReplay() {
        List<TrackedEventMessage<?>> history = List.of(
                events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR),
                events.deliver(SHOP, new DeploymentPaused(SHOP, ACCOUNT, "d1", AT), BY_ACTOR));
        EventDelivery restarted = new EventDelivery(new DeploymentFeedProjection(database, queries.emitter));
        restarted.deliver(SHOP, new DeploymentResumed(SHOP, ACCOUNT, "d1", AT), BY_ACTOR);
        assertThat(initialFeed(ACCOUNT, 0)).extracting(DeploymentFeedEntry::position).containsExactly(1L, 2L, 3L);

        restarted.reset();
        history.forEach(restarted::redeliver);

        assertThat(initialFeed(ACCOUNT, 0)).extracting(DeploymentFeedEntry::position).containsExactly(4L, 5L);
    }

    /** The feeds keep their counters in one collection; a cluster's entries must not take the deployments' numbers. */
    @Test
    void theDeploymentFeedIsNumberedApartFromTheClusterFeed() {
        EventDelivery clusterEvents = new EventDelivery(new ClusterFeedProjection(database, queries.emitter));
        clusterEvents.deliver(CLUSTER, new ClusterRegistered(CLUSTER, ACCOUNT, "prod", "tcp://prod:2376",
                DeploymentEnvironment.production, true, new SealedCredentials("master-1", CIPHERTEXT), 30, AT));

        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);

        assertThat(initialFeed(ACCOUNT, 0)).extracting(DeploymentFeedEntry::position).containsExactly(1L);
    }

    @Test
    void aClientWithoutAResumePositionGetsNoHistoryOnlyWhatHappensNext() {
        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);
        SubscriptionQueryResult<List<DeploymentFeedEntry>, DeploymentFeedEntry> fresh = subscribe(ACCOUNT, -1);

        events.deliver(SHOP, new DeploymentPaused(SHOP, ACCOUNT, "d1", AT), BY_ACTOR);
        queries.emitter.complete(StreamDeploymentFeed.class, query -> true);

        assertThat(fresh.initialResult().block(Duration.ofSeconds(10))).isEmpty();
        assertThat(fresh.updates().collectList().block(Duration.ofSeconds(10)))
                .extracting(DeploymentFeedEntry::position).containsExactly(2L);
    }

    @Test
    void liveSubscribersReceiveTheirAccountsEntriesOnlyAsAResumingClientReadsThem() {
        SubscriptionQueryResult<List<DeploymentFeedEntry>, DeploymentFeedEntry> mine = subscribe(ACCOUNT, -1);
        SubscriptionQueryResult<List<DeploymentFeedEntry>, DeploymentFeedEntry> theirs = subscribe(OTHER_ACCOUNT, -1);

        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);
        events.deliver(SHOP, new DeploymentPaused(SHOP, ACCOUNT, "d1", AT), BY_ACTOR);
        queries.emitter.complete(StreamDeploymentFeed.class, query -> true);

        List<DeploymentFeedEntry> received = mine.updates().collectList().block(Duration.ofSeconds(10));
        assertThat(received).extracting(DeploymentFeedEntry::eventType).containsExactly("requested", "paused");
        assertThat(received).isEqualTo(initialFeed(ACCOUNT, 0));
        assertThat(theirs.updates().collectList().block(Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void noSecretReachesTheFeed() {
        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);

        CredentialLeakCheck.assertNowhere(database, CIPHERTEXT);
        CredentialLeakCheck.assertNowhere(database, ENVIRONMENT_VALUE);
        CredentialLeakCheck.assertNowhere(database, FILE_CONTENT);
    }

    private List<DeploymentFeedEntry> initialFeed(String accountId, long afterPosition) {
        return subscribe(accountId, afterPosition).initialResult().block(Duration.ofSeconds(10));
    }

    private SubscriptionQueryResult<List<DeploymentFeedEntry>, DeploymentFeedEntry> subscribe(String accountId,
                                                                                               long after) {
        return queries.gateway.subscriptionQuery(new StreamDeploymentFeed(accountId, after),
                ResponseTypes.multipleInstancesOf(DeploymentFeedEntry.class),
                ResponseTypes.instanceOf(DeploymentFeedEntry.class));
    }
}
