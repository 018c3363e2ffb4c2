package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Degraded;
import io.powernode.devops.kernel.stack.DeploymentProgress.PausedAtStep;
import io.powernode.devops.kernel.stack.DeploymentTrigger;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPaused;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentPromoted;
import io.powernode.devops.kernel.stack.StackEvents.DeploymentResumed;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalFailed;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalRequested;
import io.powernode.devops.kernel.stack.StackEvents.StackRemoved;
import io.powernode.devops.kernel.stack.StackQueries.FindStack;
import io.powernode.devops.kernel.stack.StackViews;
import io.powernode.devops.kernel.stack.StackViews.StackView;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import io.powernode.devops.query.swarm.SwarmInventoryProjection;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.powernode.devops.query.stack.StackFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The stacks read model, seen through FindStack: revisions, the newest deployment, removal. */
class StackProjectionTest extends EmbeddedMongoTest {
    private static final String SHOP = stackId("shop");

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        events = new EventDelivery(new StackProjection(database), new SwarmInventoryProjection(database));
        queries = new QueryBusFixture().register(new StackQueryHandler(database));
    }

    @Test
    void aStacksFirstDeploymentMakesItManagedAndDeploying() {
        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);

        StackView stack = find(ACCOUNT, SHOP);

        assertThat(stack.id()).isEqualTo(SHOP);
        assertThat(stack.accountId()).isEqualTo(ACCOUNT);
        assertThat(stack.clusterId()).isEqualTo(CLUSTER);
        assertThat(stack.name()).isEqualTo("shop");
        assertThat(stack.managed()).isTrue();
        assertThat(stack.status()).isEqualTo(StackViews.DEPLOYING);
        assertThat(stack.latestRevision()).isEqualTo(1);
        assertThat(stack.liveRevision()).isNull();
        assertThat(stack.activeDeploymentId()).isEqualTo("d1");
        assertThat(stack.lastDeploymentId()).isEqualTo("d1");
        assertThat(stack.lastDeploymentPhase()).isEqualTo(DeploymentPhase.progressing);
        assertThat(stack.services()).isEmpty();
        assertThat(stack.createdAt()).isEqualTo(EventDelivery.START.plusSeconds(1));
        assertThat(stack.updatedAt()).isEqualTo(EventDelivery.START.plusSeconds(1));
    }

    @Test
    void aCompletedDeploymentMakesItsRevisionLiveAndEndsTheDeployment() {
        StackDeploymentRequested request = deploy("d1", 1, ROLLING, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        report(request, new Completed(Map.of("web", "shop_web")), DeploymentPhase.completed);

        StackView stack = find(ACCOUNT, SHOP);

        assertThat(stack.liveRevision()).isEqualTo(1);
        assertThat(stack.activeDeploymentId()).isNull();
        assertThat(stack.lastDeploymentPhase()).isEqualTo(DeploymentPhase.completed);
        assertThat(stack.status()).isEqualTo(StackViews.RUNNING);
    }

    @Test
    void aDeploymentThatDidNotCompleteLeavesTheLiveRevision() {
        completed(deploy("d1", 1, ROLLING, AT));
        StackDeploymentRequested second = deploy("d2", 2, ROLLING, AT.plusSeconds(60));
        events.deliver(SHOP, second, BY_ACTOR);
        report(second, new Degraded("shop_web did not converge within 5 minutes"), DeploymentPhase.degraded);

        StackView stack = find(ACCOUNT, SHOP);

        assertThat(stack.liveRevision()).isEqualTo(1);
        assertThat(stack.latestRevision()).isEqualTo(2);
        assertThat(stack.lastDeploymentId()).isEqualTo("d2");
        assertThat(stack.lastDeploymentPhase()).isEqualTo(DeploymentPhase.degraded);
        assertThat(stack.activeDeploymentId()).isNull();
    }

    @Test
    void aRollbackToAnEarlierRevisionMakesItLiveAndKeepsTheNewestRevision() {
        completed(deploy("d1", 1, ROLLING, AT));
        completed(deploy("d2", 2, ROLLING, AT.plusSeconds(60)));
        completed(requested(ACCOUNT, CLUSTER, "shop", "d3", 1, DeploymentTrigger.rollback, "d2", 2, ROLLING,
                AT.plusSeconds(120)));

        StackView stack = find(ACCOUNT, SHOP);

        assertThat(stack.liveRevision()).isEqualTo(1);
        assertThat(stack.latestRevision()).isEqualTo(2);
        assertThat(stack.lastDeploymentId()).isEqualTo("d3");
    }

    @Test
    void aUsersActionsMoveTheDeploymentsPhase() {
        StackDeploymentRequested request = deploy("d1", 1, CANARY, AT);
        events.deliver(SHOP, request, BY_ACTOR);

        report(request, new PausedAtStep(0), DeploymentPhase.paused);
        assertThat(find(ACCOUNT, SHOP).lastDeploymentPhase()).isEqualTo(DeploymentPhase.paused);
        events.deliver(SHOP, new DeploymentPromoted(SHOP, ACCOUNT, "d1", false, AT), BY_ACTOR);
        assertThat(find(ACCOUNT, SHOP).lastDeploymentPhase()).isEqualTo(DeploymentPhase.progressing);
        events.deliver(SHOP, new DeploymentPaused(SHOP, ACCOUNT, "d1", AT), BY_ACTOR);
        assertThat(find(ACCOUNT, SHOP).lastDeploymentPhase()).isEqualTo(DeploymentPhase.paused);
        events.deliver(SHOP, new DeploymentResumed(SHOP, ACCOUNT, "d1", AT), BY_ACTOR);

        StackView stack = find(ACCOUNT, SHOP);
        assertThat(stack.lastDeploymentPhase()).isEqualTo(DeploymentPhase.progressing);
        assertThat(stack.activeDeploymentId()).isEqualTo("d1");
    }

    @Test
    void aRetriedDeploymentIsUnderWayAgain() {
        StackDeploymentRequested request = deploy("d1", 1, ROLLING, AT);
        events.deliver(SHOP, request, BY_ACTOR);
        report(request, new DeploymentProgress.Failed("network shop_front not found"), DeploymentPhase.failed);
        events.deliver(SHOP, retried(request, 2, AT.plusSeconds(60)), BY_ACTOR);

        StackView stack = find(ACCOUNT, SHOP);

        assertThat(stack.activeDeploymentId()).isEqualTo("d1");
        assertThat(stack.status()).isEqualTo(StackViews.DEPLOYING);
    }

    @Test
    void aStackBeingRemovedIsRemovingUntilTheRemovalEnds() {
        completed(deploy("d1", 1, ROLLING, AT));
        events.deliver(SHOP, removalRequested("shop", "r1"), BY_ACTOR);

        assertThat(find(ACCOUNT, SHOP).status()).isEqualTo(StackViews.REMOVING);

        events.deliver(SHOP, new StackRemovalFailed(SHOP, ACCOUNT, CLUSTER, "shop", "the swarm has no leader", AT));

        assertThat(find(ACCOUNT, SHOP).status()).isEqualTo(StackViews.RUNNING);
    }

    /** The stack stays, empty, with its history: nothing of it is live, and it can be deployed again. */
    @Test
    void aRemovedStackHasNoLiveRevisionAndSaysItWasRemoved() {
        completed(deploy("d1", 1, ROLLING, AT));
        events.deliver(SHOP, removalRequested("shop", "r1"), BY_ACTOR);
        events.deliver(SHOP, new StackRemoved(SHOP, ACCOUNT, CLUSTER, "shop", AT.plusSeconds(30)));

        StackView stack = find(ACCOUNT, SHOP);

        assertThat(stack.status()).isEqualTo(StackViews.REMOVED);
        assertThat(stack.liveRevision()).isNull();
        assertThat(stack.latestRevision()).isEqualTo(1);
        assertThat(stack.lastDeploymentId()).isEqualTo("d1");
        assertThat(stack.managed()).isTrue();
    }

    @Test
    void aRemovedStackDeployedAgainGoesOnWithItsRevisions() {
        completed(deploy("d1", 1, ROLLING, AT));
        events.deliver(SHOP, removalRequested("shop", "r1"), BY_ACTOR);
        events.deliver(SHOP, new StackRemoved(SHOP, ACCOUNT, CLUSTER, "shop", AT.plusSeconds(30)));
        events.deliver(SHOP, deploy("d2", 2, ROLLING, AT.plusSeconds(60)), BY_ACTOR);

        StackView stack = find(ACCOUNT, SHOP);

        assertThat(stack.status()).isEqualTo(StackViews.DEPLOYING);
        assertThat(stack.latestRevision()).isEqualTo(2);
    }

    @Test
    void theRemovalOfAStackOnlyTheCliDeployedShowsWhileItRuns() {
        events.deliver(CLUSTER, servicesAdded(CLUSTER, ACCOUNT, service("s1", "blog", "web", 1, 1)));
        String blog = stackId("blog");
        events.deliver(blog, removalRequested("blog", "r1"), BY_ACTOR);

        StackView removing = find(ACCOUNT, blog);
        assertThat(removing.status()).isEqualTo(StackViews.REMOVING);
        assertThat(removing.managed()).isFalse();
        assertThat(removing.latestRevision()).isNull();

        events.deliver(blog, new StackRemoved(blog, ACCOUNT, CLUSTER, "blog", AT));
        events.deliver(CLUSTER, servicesRemoved(CLUSTER, ACCOUNT, "s1"));

        // the platform never deployed it: once gone, there is no history to keep it findable for
        assertThat(find(ACCOUNT, blog)).isNull();
    }

    @Test
    void aRemovedClusterTakesItsStacksWithIt() {
        completed(deploy("d1", 1, ROLLING, AT));

        events.deliver(CLUSTER, new ClusterRemoved(CLUSTER, ACCOUNT, "prod", AT));

        assertThat(find(ACCOUNT, SHOP)).isNull();
    }

    @Test
    void reDeliveredEventsAreAppliedOnce() {
        StackDeploymentRequested first = deploy("d1", 1, ROLLING, AT);
        TrackedEventMessage<?> firstRequest = events.deliver(SHOP, first, BY_ACTOR);
        report(first, new Completed(Map.of()), DeploymentPhase.completed);
        events.deliver(SHOP, deploy("d2", 2, ROLLING, AT.plusSeconds(60)), BY_ACTOR);

        events.redeliver(firstRequest);

        StackView stack = find(ACCOUNT, SHOP);
        assertThat(stack.lastDeploymentId()).isEqualTo("d2");
        assertThat(stack.activeDeploymentId()).isEqualTo("d2");
        assertThat(stack.liveRevision()).isEqualTo(1);
    }

    @Test
    void anotherAccountsStackIsNotFound() {
        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);

        assertThat(find(OTHER_ACCOUNT, SHOP)).isNull();
    }

    @Test
    void aResetEmptiesTheReadModelForTheReplay() {
        events.deliver(SHOP, deploy("d1", 1, ROLLING, AT), BY_ACTOR);

        events.reset();

        assertThat(find(ACCOUNT, SHOP)).isNull();
    }

    private void completed(StackDeploymentRequested request) {
        events.deliver(request.stackId(), request, BY_ACTOR);
        report(request, new Completed(Map.of()), DeploymentPhase.completed);
    }

    private void report(StackDeploymentRequested request, DeploymentProgress progress, DeploymentPhase phase) {
        events.deliver(request.stackId(), progressed(request, progress, phase, AT), BY_ROLLOUT);
    }

    private static StackRemovalRequested removalRequested(String stackName, String removalId) {
        return new StackRemovalRequested(stackId(stackName), ACCOUNT, CLUSTER, stackName, removalId,
                Instant.parse("2026-03-01T12:00:00Z"));
    }

    private StackView find(String accountId, String stackId) {
        return queries.ask(new FindStack(accountId, stackId), StackView.class);
    }
}
