package io.powernode.devops.query.host;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostEvents.DockerEventObserved;
import io.powernode.devops.kernel.host.HostEvents.HostConnected;
import io.powernode.devops.kernel.host.HostEvents.HostCredentialsReplaced;
import io.powernode.devops.kernel.host.HostEvents.HostRemoved;
import io.powernode.devops.kernel.host.HostEvents.HostSyncFailed;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.HostQueries.StreamHostFeed;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.host.HostViews.HostFeedEntry;
import io.powernode.devops.query.CredentialLeakCheck;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.ReadModelCollections;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.query.host.HostEventsFixture.ACCOUNT;
import static io.powernode.devops.query.host.HostEventsFixture.CIPHERTEXT;
import static io.powernode.devops.query.host.HostEventsFixture.CREDENTIALS;
import static io.powernode.devops.query.host.HostEventsFixture.OBSERVED;
import static io.powernode.devops.query.host.HostEventsFixture.OTHER_ACCOUNT;
import static io.powernode.devops.query.host.HostEventsFixture.registered;
import static org.assertj.core.api.Assertions.assertThat;

class HostFeedTest extends HostProjectionHarness {
    @Test
    void eachHostEventBecomesAnEntryNumberedInTurnWithTheHostAsItLeftIt() {
        events.deliver("h1", registered("h1", ACCOUNT, "web-1", DeploymentEnvironment.staging));
        events.deliver("h1", new HostSyncFailed("h1", ACCOUNT, 1, "timeout", OBSERVED));

        List<HostFeedEntry> entries = initialFeed(ACCOUNT, 0);

        assertThat(entries).extracting(HostFeedEntry::position).containsExactly(1L, 2L);
        HostFeedEntry failure = entries.get(1);
        assertThat(failure.eventType()).isEqualTo("HostSyncFailed");
        assertThat(failure.hostId()).isEqualTo("h1");
        assertThat(failure.accountId()).isEqualTo(ACCOUNT);
        assertThat(failure.occurredAt()).isEqualTo(EventDelivery.START.plusSeconds(2));
        assertThat(failure.change()).isEqualTo(Map.of("consecutive_failures", 1, "error", "timeout"));
        assertThat(failure.host().consecutiveFailures()).isEqualTo(1);
        assertThat(failure.host().version()).isEqualTo(1);
    }

    @Test
    void aResumingClientGetsOnlyItsAccountsEntriesAfterItsLastNumberInOrder() {
        events.deliver("h1", registered("h1", ACCOUNT, "web-1", DeploymentEnvironment.staging));
        events.deliver("h2", registered("h2", OTHER_ACCOUNT, "db-1", DeploymentEnvironment.staging));
        events.deliver("h1", new HostConnected("h1", ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED));
        events.deliver("h1", new DockerEventObserved("h1", ACCOUNT,
                new DockerEventRecord("container", "start", "c1", Map.of(), "local", 1L)));
        events.deliver("h1", new HostRemoved("h1", ACCOUNT, "web-1", OBSERVED));

        List<HostFeedEntry> entries = initialFeed(ACCOUNT, 1);

        assertThat(entries).extracting(HostFeedEntry::position).containsExactly(3L, 4L);
        assertThat(entries).extracting(HostFeedEntry::eventType).containsExactly("HostConnected", "HostRemoved");
        assertThat(entries.get(1).host()).isNull();
        assertThat(entries.get(1).change()).isEqualTo(Map.of("name", "web-1"));
    }

    /** A SQL store can make position 10 visible after 11: a client that has the entry of 11 still gets 10. */
    @Test
    void entriesAreNumberedInHandlingOrderNotByGlobalPosition() {
        events.deliverAt(11, "h1", registered("h1", ACCOUNT, "web-1", DeploymentEnvironment.staging));
        TrackedEventMessage<?> committedLate = events.deliverAt(10, "h2",
                registered("h2", ACCOUNT, "web-2", DeploymentEnvironment.staging));
        events.redeliver(committedLate);

        List<HostFeedEntry> entries = initialFeed(ACCOUNT, 0);

        assertThat(entries).extracting(HostFeedEntry::hostId).containsExactly("h1", "h2");
        assertThat(entries).extracting(HostFeedEntry::position).isSorted().doesNotHaveDuplicates();
        assertThat(initialFeed(ACCOUNT, entries.get(0).position())).containsExactly(entries.get(1));
    }

    @Test
    void numberingContinuesAfterARestart() {
        events.deliver("h1", registered("h1", ACCOUNT, "web-1", DeploymentEnvironment.staging));
        events.deliver("h1", new HostConnected("h1", ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED));

        EventDelivery restarted = new EventDelivery(new HostProjection(database, queries.emitter));
        restarted.deliver("h2", registered("h2", ACCOUNT, "web-2", DeploymentEnvironment.staging));

        assertThat(initialFeed(ACCOUNT, 0)).extracting(HostFeedEntry::position).containsExactly(1L, 2L, 3L);
    }

    /** A client holding an old number must not have it reinterpreted, so a rebuilt feed numbers on. */
    @Test
    void aReplayNumbersTheRebuiltEntriesAboveEveryEarlierOne() {
        List<TrackedEventMessage<?>> history = List.of(
                events.deliver("h1", registered("h1", ACCOUNT, "web-1", DeploymentEnvironment.staging)),
                events.deliver("h1", new HostConnected("h1", ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED)));

        events.reset();
        history.forEach(events::redeliver);

        List<HostFeedEntry> rebuilt = initialFeed(ACCOUNT, 0);
        assertThat(rebuilt).extracting(HostFeedEntry::position).containsExactly(3L, 4L);
        assertThat(rebuilt).extracting(HostFeedEntry::eventType).containsExactly("HostRegistered", "HostConnected");
    }

    @Test
    void aClientWithoutAResumePositionGetsNoHistoryOnlyWhatHappensNext() {
        events.deliver("h1", registered("h1", ACCOUNT, "web-1", DeploymentEnvironment.staging));
        SubscriptionQueryResult<List<HostFeedEntry>, HostFeedEntry> fresh = subscribe(ACCOUNT);

        events.deliver("h1", new HostConnected("h1", ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED));
        queries.emitter.complete(StreamHostFeed.class, query -> true);

        assertThat(fresh.initialResult().block(Duration.ofSeconds(10))).isEmpty();
        assertThat(fresh.updates().collectList().block(Duration.ofSeconds(10)))
                .extracting(HostFeedEntry::position).containsExactly(2L);
    }

    @Test
    void aResumingClientGetsAtMostAThousandEntriesOldestFirst() {
        events.deliver("h1", registered("h1", ACCOUNT, "web-1", DeploymentEnvironment.staging));
        for (int failures = 1; failures <= 1000; failures++) {
            events.deliver("h1", new HostSyncFailed("h1", ACCOUNT, failures, "timeout", OBSERVED));
        }

        List<HostFeedEntry> backlog = initialFeed(ACCOUNT, 0);

        assertThat(backlog).hasSize(1000);
        assertThat(backlog.get(0).position()).isEqualTo(1);
        assertThat(backlog.get(999).position()).isEqualTo(1000);
        assertThat(initialFeed(ACCOUNT, 1000)).extracting(HostFeedEntry::position).containsExactly(1001L);
    }

    @Test
    void aReDeliveredEventAddsNoSecondEntry() {
        TrackedEventMessage<?> registration = events.deliver("h1",
                registered("h1", ACCOUNT, "web-1", DeploymentEnvironment.staging));
        events.deliver("h1", new HostConnected("h1", ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED));

        events.redeliver(registration);

        List<HostFeedEntry> entries = initialFeed(ACCOUNT, 0);
        assertThat(entries).extracting(HostFeedEntry::position).containsExactly(1L, 2L);
        assertThat(entries.get(0).host().status()).isEqualTo(ConnectionStatus.pending);
    }

    /**
     * Updates are emitted when the processor's unit of work commits. A batch that wrote its entries and host
     * documents and then failed emitted nothing; its retry skips the events as applied but must emit them.
     */
    @Test
    void theRetryOfAFailedBatchEmitsTheEntriesItWroteWithTheirNumbers() {
        SubscriptionQueryResult<List<HostFeedEntry>, HostFeedEntry> live = subscribe(ACCOUNT);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        TrackedEventMessage<?> registration = events.deliver("h1",
                registered("h1", ACCOUNT, "web-1", DeploymentEnvironment.staging));
        batch.rollback(new IllegalStateException("storing the token failed"));

        events.redeliver(registration);
        queries.emitter.complete(StreamHostFeed.class, query -> true);

        assertThat(live.updates().collectList().block(Duration.ofSeconds(10)))
                .extracting(HostFeedEntry::position).containsExactly(1L);
    }

    @Test
    void liveSubscribersReceiveTheirAccountsEntriesOnly() {
        SubscriptionQueryResult<List<HostFeedEntry>, HostFeedEntry> mine = subscribe(ACCOUNT);
        SubscriptionQueryResult<List<HostFeedEntry>, HostFeedEntry> theirs = subscribe(OTHER_ACCOUNT);

        events.deliver("h1", registered("h1", ACCOUNT, "web-1", DeploymentEnvironment.staging));
        events.deliver("h1", new HostConnected("h1", ACCOUNT, ConnectionStatus.pending, "sync ok", OBSERVED));
        queries.emitter.complete(StreamHostFeed.class, query -> true);

        List<HostFeedEntry> received = mine.updates().collectList().block(Duration.ofSeconds(10));
        assertThat(received).extracting(HostFeedEntry::eventType).containsExactly("HostRegistered", "HostConnected");
        assertThat(received).isEqualTo(initialFeed(ACCOUNT, 0));
        assertThat(theirs.updates().collectList().block(Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void sealedCredentialsReachNoDocument() {
        events.deliver("h1", registered("h1", ACCOUNT, "web-1", DeploymentEnvironment.staging));
        events.deliver("h1", new HostCredentialsReplaced("h1", ACCOUNT, CREDENTIALS, OBSERVED));

        CredentialLeakCheck.assertNowhere(database, CIPHERTEXT);
        CredentialLeakCheck.assertNowhere(database, CREDENTIALS.keyId());
        assertThat(database.getCollection(ReadModelCollections.HOST_FEED).countDocuments()).isEqualTo(2);
        assertThat(initialFeed(ACCOUNT, 0).get(1).change()).isEqualTo(Map.of("has_tls_credentials", true));
    }

    private List<HostFeedEntry> initialFeed(String accountId, long afterPosition) {
        return subscribe(accountId, afterPosition).initialResult().block(Duration.ofSeconds(10));
    }

    /** A client that has seen nothing yet: it starts from now. */
    private SubscriptionQueryResult<List<HostFeedEntry>, HostFeedEntry> subscribe(String accountId) {
        return subscribe(accountId, -1);
    }

    private SubscriptionQueryResult<List<HostFeedEntry>, HostFeedEntry> subscribe(String accountId, long after) {
        return queries.gateway.subscriptionQuery(new StreamHostFeed(accountId, after),
                ResponseTypes.multipleInstancesOf(HostFeedEntry.class), ResponseTypes.instanceOf(HostFeedEntry.class));
    }
}
