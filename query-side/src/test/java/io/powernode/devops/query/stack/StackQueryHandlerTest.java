package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.stack.RolloutLabels;
import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.stack.DeploymentPhase;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.DeploymentProgress.Failed;
import io.powernode.devops.kernel.stack.DeploymentTrigger;
import io.powernode.devops.kernel.stack.StackEvents.StackDeploymentRequested;
import io.powernode.devops.kernel.stack.StackEvents.StackRemovalRequested;
import io.powernode.devops.kernel.stack.StackEvents.StackRemoved;
import io.powernode.devops.kernel.stack.StackIds;
import io.powernode.devops.kernel.stack.StackQueries.FindStack;
import io.powernode.devops.kernel.stack.StackQueries.ListStacks;
import io.powernode.devops.kernel.stack.StackViews;
import io.powernode.devops.kernel.stack.StackViews.StackPage;
import io.powernode.devops.kernel.stack.StackViews.StackServiceView;
import io.powernode.devops.kernel.stack.StackViews.StackView;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import io.powernode.devops.query.swarm.SwarmInventoryProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.powernode.devops.query.stack.StackFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Stacks as the queries answer them: those the platform manages merged with those Docker runs (found by the
 * namespace label of their services), with their services and status.
 */
class StackQueryHandlerTest extends EmbeddedMongoTest {
    private static final PageRequest FIRST_PAGE = new PageRequest(1, 25);
    private static final String SHOP = stackId("shop");
    private static final Map<String, String> GREEN = Map.of(RolloutLabels.ROLE, "green",
            RolloutLabels.COMPOSE_SERVICE, "web");

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        events = new EventDelivery(new StackProjection(database), new SwarmInventoryProjection(database));
        queries = new QueryBusFixture().register(new StackQueryHandler(database));
    }

    @Test
    void aStackOnlyTheCliDeployedIsListedAndFoundByItsNamespaceLabel() {
        running(service("s1", "blog", "web", 2, 2), service("s2", "blog", "db", 1, 1));

        StackView blog = find(ACCOUNT, stackId("blog"));

        assertThat(blog.id()).isEqualTo(stackId("blog"));
        assertThat(blog.name()).isEqualTo("blog");
        assertThat(blog.clusterId()).isEqualTo(CLUSTER);
        assertThat(blog.accountId()).isEqualTo(ACCOUNT);
        assertThat(blog.managed()).isFalse();
        assertThat(blog.status()).isEqualTo(StackViews.RUNNING);
        assertThat(blog.latestRevision()).isNull();
        assertThat(blog.lastDeploymentId()).isNull();
        assertThat(blog.services()).extracting(StackServiceView::name).containsExactly("blog_db", "blog_web");
        assertThat(list(new ListStacks(ACCOUNT, null, FIRST_PAGE)).items()).containsExactly(blog);
    }

    @Test
    void aServicesComposeNameIsItsNameWithoutTheStackAndPlainServicesServe() {
        running(service("s1", "shop", "web", 3, 3));

        StackServiceView web = find(ACCOUNT, SHOP).services().get(0);

        assertThat(web).isEqualTo(new StackServiceView("s1", "shop_web", "web", StackServices.ACTIVE,
                ServiceMode.replicated, "shop/web:1@sha256:abc", 3, 3, null, null));
    }

    @Test
    void aRolloutsServicesShowTheirRoleAndComposeServiceFromTheirLabels() {
        running(service("s1", "shop", "web", 3, 3),
                serviceWith("s2", "shop_web-green", "shop", 3, 3, null, GREEN),
                serviceWith("s3", "shop_api-canary", "shop", 1, 1, null,
                        Map.of(RolloutLabels.ROLE, "canary", RolloutLabels.COMPOSE_SERVICE, "api")));

        assertThat(find(ACCOUNT, SHOP).services())
                .extracting(StackServiceView::name, StackServiceView::service, StackServiceView::role)
                .containsExactly(tuple("shop_api-canary", "api", "canary"), tuple("shop_web", "web", "active"),
                        tuple("shop_web-green", "web", "green"));
    }

    /** After a blue-green the green service serves under the slot's other name: it is active, for the web service. */
    @Test
    void aServiceThatServesUnderTheOtherSlotsNameIsActive() {
        running(serviceWith("s2", "shop_web-green", "shop", 3, 3, null,
                Map.of(RolloutLabels.COMPOSE_SERVICE, "web")));

        assertThat(find(ACCOUNT, SHOP).services()).extracting(StackServiceView::service, StackServiceView::role)
                .containsExactly(tuple("web", "active"));
    }

    @Test
    void managedAndDiscoveredStacksAreListedOnceEachByName() {
        completed(deploy("d1", 1, ROLLING, AT));
        running(service("s1", "shop", "web", 1, 1), service("s2", "blog", "web", 1, 1),
                service("s3", "api", "web", 1, 1));

        StackPage page = list(new ListStacks(ACCOUNT, null, FIRST_PAGE));

        assertThat(page.items()).extracting(StackView::name, StackView::managed)
                .containsExactly(tuple("api", false), tuple("blog", false), tuple("shop", true));
        assertThat(page.items().get(2).services()).extracting(StackServiceView::id).containsExactly("s1");
        assertThat(page.page().totalCount()).isEqualTo(3);
    }

    @Test
    void aManagedStackWhoseServicesAreGoneIsStillListed() {
        completed(deploy("d1", 1, ROLLING, AT));

        assertThat(list(new ListStacks(ACCOUNT, null, FIRST_PAGE)).items()).extracting(StackView::id)
                .containsExactly(SHOP);
    }

    @Test
    void stacksOfOneNameOnTwoClustersAreTwoStacks() {
        running(service("s1", "shop", "web", 1, 1));
        events.deliver(OTHER_CLUSTER, servicesAdded(OTHER_CLUSTER, ACCOUNT, service("s9", "shop", "web", 1, 0)));

        List<StackView> stacks = list(new ListStacks(ACCOUNT, null, FIRST_PAGE)).items();

        assertThat(stacks).extracting(StackView::clusterId, StackView::status).containsExactly(
                tuple(CLUSTER, StackViews.RUNNING), tuple(OTHER_CLUSTER, StackViews.DEGRADED));
        assertThat(stacks.get(1).services()).extracting(StackServiceView::id).containsExactly("s9");
        assertThat(list(new ListStacks(ACCOUNT, OTHER_CLUSTER, FIRST_PAGE)).items()).extracting(StackView::id)
                .containsExactly(StackIds.of(OTHER_CLUSTER, "shop"));
    }

    @Test
    void servicesWithoutANamespaceAreNoStack() {
        running(serviceWith("s1", "nginx", null, 1, 1, null, Map.of()));

        assertThat(list(new ListStacks(ACCOUNT, null, FIRST_PAGE)).items()).isEmpty();
    }

    @Test
    void anotherAccountsStacksAreNeitherListedNorFound() {
        completed(deploy("d1", 1, ROLLING, AT));
        running(service("s1", "blog", "web", 1, 1));

        assertThat(list(new ListStacks(OTHER_ACCOUNT, null, FIRST_PAGE)).items()).isEmpty();
        assertThat(find(OTHER_ACCOUNT, SHOP)).isNull();
        assertThat(find(OTHER_ACCOUNT, stackId("blog"))).isNull();
        assertThat(find(ACCOUNT, stackId("unknown"))).isNull();
    }

    @Test
    void pagesOfTheMergedListDoNotOverlap() {
        completed(deploy("d1", 1, ROLLING, AT));
        running(service("s1", "alpha", "web", 1, 1), service("s2", "beta", "web", 1, 1),
                service("s3", "zeta", "web", 1, 1));

        StackPage second = list(new ListStacks(ACCOUNT, null, new PageRequest(2, 2)));

        assertThat(second.items()).extracting(StackView::name).containsExactly("shop", "zeta");
        assertThat(second.items().get(0).managed()).isTrue();
        assertThat(second.page().totalCount()).isEqualTo(4);
    }

    @Test
    void aStackIsDegradedWhenAServiceRunsFewerTasksThanItAsks() {
        running(service("s1", "shop", "web", 3, 2), service("s2", "shop", "db", 1, 1));

        assertThat(find(ACCOUNT, SHOP).status()).isEqualTo(StackViews.DEGRADED);
    }

    @Test
    void aStackIsDegradedWhenDockerPausedOrRolledBackAnUpdate() {
        running(serviceWith("s1", "shop_web", "shop", 3, 3, "paused", Map.of()),
                serviceWith("s2", "blog_web", "blog", 3, 3, "rollback_completed", Map.of()),
                serviceWith("s3", "api_web", "api", 3, 3, "completed", Map.of()));

        assertThat(list(new ListStacks(ACCOUNT, null, FIRST_PAGE)).items())
                .extracting(StackView::name, StackView::status).containsExactly(
                        tuple("api", StackViews.RUNNING), tuple("blog", StackViews.DEGRADED),
                        tuple("shop", StackViews.DEGRADED));
    }

    /** What was asked is not what runs: someone must look, though every task Docker has runs. */
    @Test
    void aStackWhoseLastDeploymentFailedIsDegraded() {
        running(service("s1", "shop", "web", 1, 1));
        StackDeploymentRequested request = deploy("d1", 1, ROLLING, AT);
        events.deliver(SHOP, request, BY_ACTOR);

        events.deliver(SHOP, progressed(request, new Failed("network shop_backend not found"), DeploymentPhase.failed,
                AT));

        assertThat(find(ACCOUNT, SHOP).status()).isEqualTo(StackViews.DEGRADED);
    }

    /** A global service's tasks follow the nodes: it asks for no count that tasks could fall short of. */
    @Test
    void aGlobalServiceIsJudgedByItsUpdateOnly() {
        running(serviceWith("s1", "shop_agent", "shop", null, 2, null, Map.of()));

        StackView stack = find(ACCOUNT, SHOP);

        assertThat(stack.status()).isEqualTo(StackViews.RUNNING);
        assertThat(stack.services().get(0).mode()).isEqualTo(ServiceMode.global);
    }

    @Test
    void aDeploymentUnderWayOutranksDegradedServicesAndARemovalOutranksBoth() {
        running(service("s1", "shop", "web", 3, 1));
        StackDeploymentRequested request = deploy("d1", 1, ROLLING, AT);
        events.deliver(SHOP, request, BY_ACTOR);

        assertThat(find(ACCOUNT, SHOP).status()).isEqualTo(StackViews.DEPLOYING);

        events.deliver(SHOP, progressed(request, new Completed(Map.of()), DeploymentPhase.completed, AT));
        assertThat(find(ACCOUNT, SHOP).status()).isEqualTo(StackViews.DEGRADED);

        events.deliver(SHOP, removal("shop"), BY_ACTOR);
        assertThat(find(ACCOUNT, SHOP).status()).isEqualTo(StackViews.REMOVING);
    }

    /** Not listed any more, but its deployments stay reachable from it. */
    @Test
    void aRemovedManagedStackThatNoServiceNamesIsFoundButNotListed() {
        running(service("s1", "shop", "web", 1, 1));
        completed(deploy("d1", 1, ROLLING, AT));
        events.deliver(SHOP, removal("shop"), BY_ACTOR);
        events.deliver(SHOP, new StackRemoved(SHOP, ACCOUNT, CLUSTER, "shop", AT));
        events.deliver(CLUSTER, servicesRemoved(CLUSTER, ACCOUNT, "s1"));

        assertThat(list(new ListStacks(ACCOUNT, null, FIRST_PAGE)).items()).isEmpty();
        StackView removed = find(ACCOUNT, SHOP);
        assertThat(removed.services()).isEmpty();
        assertThat(removed.status()).isEqualTo(StackViews.REMOVED);
        assertThat(removed.lastDeploymentId()).isEqualTo("d1");
    }

    /** The CLI deployed it again after the platform removed it: Docker runs it, so it is listed and running. */
    @Test
    void aRemovedStackThatServicesNameAgainIsListed() {
        completed(deploy("d1", 1, ROLLING, AT));
        events.deliver(SHOP, removal("shop"), BY_ACTOR);
        events.deliver(SHOP, new StackRemoved(SHOP, ACCOUNT, CLUSTER, "shop", AT));
        running(service("s7", "shop", "web", 1, 1));

        List<StackView> stacks = list(new ListStacks(ACCOUNT, null, FIRST_PAGE)).items();

        assertThat(stacks).extracting(StackView::id, StackView::status, StackView::managed)
                .containsExactly(tuple(SHOP, StackViews.RUNNING, true));
    }

    @Test
    void aStackOnAnotherClusterIsListedWithItsClusterAndFilteredByIt() {
        StackDeploymentRequested elsewhere = requested(ACCOUNT, OTHER_CLUSTER, "shop", "d9", 1,
                DeploymentTrigger.deploy, null, null, ROLLING, AT);
        events.deliver(elsewhere.stackId(), elsewhere, BY_ACTOR);
        completed(deploy("d1", 1, ROLLING, AT));

        assertThat(list(new ListStacks(ACCOUNT, CLUSTER, FIRST_PAGE)).items()).extracting(StackView::id)
                .containsExactly(SHOP);
        assertThat(list(new ListStacks(ACCOUNT, OTHER_CLUSTER, FIRST_PAGE)).items()).extracting(StackView::id)
                .containsExactly(elsewhere.stackId());
    }

    private void running(ServiceSummary... services) {
        events.deliver(CLUSTER, servicesAdded(CLUSTER, ACCOUNT, services));
    }

    private void completed(StackDeploymentRequested request) {
        events.deliver(request.stackId(), request, BY_ACTOR);
        events.deliver(request.stackId(),
                progressed(request, new Completed(Map.of()), DeploymentPhase.completed, AT), BY_ROLLOUT);
    }

    private static StackRemovalRequested removal(String stackName) {
        return new StackRemovalRequested(stackId(stackName), ACCOUNT, CLUSTER, stackName, "r1", AT);
    }

    private StackView find(String accountId, String stackId) {
        return queries.ask(new FindStack(accountId, stackId), StackView.class);
    }

    private StackPage list(ListStacks query) {
        return queries.ask(query, StackPage.class);
    }
}
