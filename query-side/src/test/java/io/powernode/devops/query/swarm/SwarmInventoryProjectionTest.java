package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmConfigsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNetworksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNodesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmSecretsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmServicesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmTasksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmVolumesChanged;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmConfigs;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmNetworks;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmNodes;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmSecrets;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmServices;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmTasks;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmVolumes;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmConfigPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmConfigView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNetworkPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNetworkView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNodePage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNodeView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmSecretPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmSecretView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmServicePage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmServiceView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmTaskPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmTaskView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmVolumePage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmVolumeView;
import io.powernode.devops.kernel.swarm.SwarmInventory.ConfigSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SecretSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmNetworkSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.TaskSummary;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import io.powernode.devops.query.ReadModelCollections;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.powernode.devops.query.swarm.SwarmFixture.ACCOUNT;
import static io.powernode.devops.query.swarm.SwarmFixture.OBSERVED;
import static io.powernode.devops.query.swarm.SwarmFixture.OTHER_ACCOUNT;
import static io.powernode.devops.query.swarm.SwarmFixture.manager;
import static io.powernode.devops.query.swarm.SwarmFixture.nodesAdded;
import static io.powernode.devops.query.swarm.SwarmFixture.service;
import static io.powernode.devops.query.swarm.SwarmFixture.servicesAdded;
import static io.powernode.devops.query.swarm.SwarmFixture.worker;
import static org.assertj.core.api.Assertions.assertThat;

class SwarmInventoryProjectionTest extends EmbeddedMongoTest {
    private static final PageRequest FIRST_PAGE = new PageRequest(1, 25);

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        events = new EventDelivery(new SwarmInventoryProjection(database));
        queries = new QueryBusFixture().register(new SwarmInventoryQueryHandler(database));
    }

    @Test
    void nodeDiffsAddChangeAndRemoveDocuments() {
        events.deliver("c1", nodesAdded("c1", ACCOUNT, manager("m1", "reachable"), worker("w1", NodeState.ready),
                worker("w2", NodeState.ready)));
        events.deliver("c1", new SwarmNodesChanged("c1", ACCOUNT, List.of(),
                List.of(worker("w1", NodeState.down)), List.of("w2"), OBSERVED.plusSeconds(30)));

        List<SwarmNodeView> nodes = nodes(new ListSwarmNodes(ACCOUNT, "c1", null, null, FIRST_PAGE)).items();

        assertThat(nodes).extracting(SwarmNodeView::id).containsExactly("m1", "w1");
        assertThat(nodes.get(0)).isEqualTo(new SwarmNodeView("c1", "m1", "m1.example", NodeRole.manager,
                NodeAvailability.active, NodeState.ready, "reachable", false, "10.0.0.2", "27.3.1",
                Map.of("zone", "a"), 4_000_000_000L, 8_000_000_000L, OBSERVED));
        assertThat(nodes.get(1).state()).isEqualTo(NodeState.down);
        assertThat(nodes.get(1).observedAt()).isEqualTo(OBSERVED.plusSeconds(30));
    }

    @Test
    void nodesAreFilteredByRoleAndAvailabilityAndPaged() {
        NodeSummary drained = new NodeSummary("w3", "w3.example", NodeRole.worker, NodeAvailability.drain,
                NodeState.ready, null, false, "10.0.1.3", "27.3.1", Map.of(), 1L, 1L);
        events.deliver("c1", nodesAdded("c1", ACCOUNT, manager("m1", "reachable"), worker("w1", NodeState.ready),
                worker("w2", NodeState.ready), drained));
        events.deliver("c2", nodesAdded("c2", OTHER_ACCOUNT, worker("w9", NodeState.ready)));

        SwarmNodePage workers = nodes(new ListSwarmNodes(ACCOUNT, "c1", NodeRole.worker, null, new PageRequest(2, 2)));
        assertThat(workers.items()).extracting(SwarmNodeView::id).containsExactly("w3");
        assertThat(workers.page().totalCount()).isEqualTo(3);
        assertThat(nodes(new ListSwarmNodes(ACCOUNT, null, NodeRole.worker, NodeAvailability.drain, FIRST_PAGE))
                .items()).extracting(SwarmNodeView::id).containsExactly("w3");
    }

    @Test
    void theSameIdInTwoClustersIsTwoDocumentsAndEachAccountSeesOnlyItsOwn() {
        events.deliver("c1", nodesAdded("c1", ACCOUNT, manager("m1", "reachable")));
        events.deliver("c2", nodesAdded("c2", ACCOUNT, manager("m1", "reachable")));
        events.deliver("c3", nodesAdded("c3", OTHER_ACCOUNT, manager("m1", "reachable")));

        assertThat(nodes(new ListSwarmNodes(ACCOUNT, null, null, null, FIRST_PAGE)).items())
                .extracting(SwarmNodeView::clusterId).containsExactlyInAnyOrder("c1", "c2");
        assertThat(nodes(new ListSwarmNodes(OTHER_ACCOUNT, "c1", null, null, FIRST_PAGE)).items()).isEmpty();
    }

    @Test
    void aReDeliveredDiffLeavesTheSameDocuments() {
        TrackedEventMessage<?> diff = events.deliver("c1", new SwarmServicesChanged("c1", ACCOUNT,
                List.of(service("s1", "api", "shop", 2, 2)), List.of(), List.of("s0"), OBSERVED));
        SwarmServicePage before = services(new ListSwarmServices(ACCOUNT, "c1", null, FIRST_PAGE));

        events.redeliver(diff);

        assertThat(services(new ListSwarmServices(ACCOUNT, "c1", null, FIRST_PAGE))).isEqualTo(before);
    }

    @Test
    void aServicesStackComesFromItsStackLabelAndFiltersTheList() {
        events.deliver("c1", servicesAdded("c1", ACCOUNT, service("s1", "shop_api", "shop", 2, 2),
                service("s2", "shop_web", "shop", 1, 1), service("s3", "portainer", null, 1, 1)));
        events.deliver("c1", new SwarmServicesChanged("c1", ACCOUNT, List.of(),
                List.of(service("s2", "shop_web", "shop", 3, 1)), List.of(), OBSERVED.plusSeconds(10)));

        List<SwarmServiceView> shop = services(new ListSwarmServices(ACCOUNT, "c1", "shop", FIRST_PAGE)).items();

        assertThat(shop).extracting(SwarmServiceView::name).containsExactly("shop_api", "shop_web");
        assertThat(shop.get(1).desiredReplicas()).isEqualTo(3);
        assertThat(shop.get(1).runningTasks()).isEqualTo(1);
        assertThat(shop.get(1).specVersion()).isEqualTo(7);
        assertThat(services(new ListSwarmServices(ACCOUNT, "c1", null, FIRST_PAGE)).items())
                .filteredOn(service -> service.name().equals("portainer"))
                .singleElement().extracting(SwarmServiceView::stack).isNull();
    }

    @Test
    void tasksAreFilteredByServiceAndNode() {
        events.deliver("c1", new SwarmTasksChanged("c1", ACCOUNT, List.of(task("t1", "s1", "n1"),
                task("t2", "s1", "n2"), task("t3", "s2", "n1")), List.of(), List.of(), OBSERVED));
        events.deliver("c1", new SwarmTasksChanged("c1", ACCOUNT, List.of(), List.of(), List.of("t3"), OBSERVED));

        assertThat(tasks(new ListSwarmTasks(ACCOUNT, "c1", "s1", null, FIRST_PAGE))).extracting(SwarmTaskView::id)
                .containsExactly("t1", "t2");
        assertThat(tasks(new ListSwarmTasks(ACCOUNT, "c1", "s1", "n2", FIRST_PAGE))).singleElement().isEqualTo(
                new SwarmTaskView("c1", "t2", "s1", "n2", 1, "running", "running", null, OBSERVED, OBSERVED));
        assertThat(tasks(new ListSwarmTasks(ACCOUNT, "c1", null, "n1", FIRST_PAGE))).extracting(SwarmTaskView::id)
                .containsExactly("t1");
    }

    @Test
    void networksAndVolumesFollowTheirDiffs() {
        events.deliver("c1", new SwarmNetworksChanged("c1", ACCOUNT, List.of(
                new SwarmNetworkSummary("n1", "shop_backend", "overlay", "swarm", true, false, true, false,
                        Map.of("com.docker.stack.namespace", "shop")),
                new SwarmNetworkSummary("n2", "ingress", "overlay", "swarm", false, false, false, true, null)),
                List.of(), List.of(), OBSERVED));
        events.deliver("c1", new SwarmNetworksChanged("c1", ACCOUNT, List.of(), List.of(), List.of("n2"), OBSERVED));
        events.deliver("c1", new SwarmVolumesChanged("c1", ACCOUNT, List.of(
                new VolumeSummary("pgdata", "local", "/var/lib/docker/volumes/pgdata/_data", "local", null),
                new VolumeSummary("cache", "local", "/var/lib/docker/volumes/cache/_data", "local", null)),
                List.of(), List.of(), OBSERVED));
        events.deliver("c1", new SwarmVolumesChanged("c1", ACCOUNT, List.of(), List.of(), List.of("cache"), OBSERVED));

        assertThat(queries.ask(new ListSwarmNetworks(ACCOUNT, "c1", FIRST_PAGE), SwarmNetworkPage.class).items())
                .containsExactly(new SwarmNetworkView("c1", "n1", "shop_backend", "overlay", "swarm", true, false,
                        true, false, Map.of("com.docker.stack.namespace", "shop"), OBSERVED));
        assertThat(queries.ask(new ListSwarmVolumes(ACCOUNT, "c1", FIRST_PAGE), SwarmVolumePage.class).items())
                .containsExactly(new SwarmVolumeView("c1", "pgdata", "local", "/var/lib/docker/volumes/pgdata/_data",
                        "local", null, OBSERVED));
        assertThat(database.getCollection(ReadModelCollections.SWARM_VOLUMES).find().first().getString("_id"))
                .isEqualTo("c1:pgdata");
    }

    @Test
    void secretsAndConfigsKeepTheirMetadataAndNoValue() {
        Map<String, String> labels = Map.of("com.docker.stack.namespace", "shop");
        events.deliver("c1", new SwarmSecretsChanged("c1", ACCOUNT, List.of(
                new SecretSummary("x1", "db_password", labels, OBSERVED.minusSeconds(60), OBSERVED.minusSeconds(60)),
                new SecretSummary("x2", "old_password", null, OBSERVED, OBSERVED)),
                List.of(), List.of(), OBSERVED));
        events.deliver("c1", new SwarmSecretsChanged("c1", ACCOUNT, List.of(), List.of(), List.of("x2"), OBSERVED));
        events.deliver("c1", new SwarmConfigsChanged("c1", ACCOUNT, List.of(
                new ConfigSummary("k1", "nginx_conf", labels, "golang", OBSERVED, OBSERVED)), List.of(), List.of(),
                OBSERVED));

        assertThat(queries.ask(new ListSwarmSecrets(ACCOUNT, "c1", FIRST_PAGE), SwarmSecretPage.class).items())
                .containsExactly(new SwarmSecretView("c1", "x1", "db_password", labels, OBSERVED.minusSeconds(60),
                        OBSERVED.minusSeconds(60), OBSERVED));
        assertThat(queries.ask(new ListSwarmConfigs(ACCOUNT, "c1", FIRST_PAGE), SwarmConfigPage.class).items())
                .containsExactly(new SwarmConfigView("c1", "k1", "nginx_conf", labels, "golang", OBSERVED, OBSERVED,
                        OBSERVED));
        for (String collection : List.of(ReadModelCollections.SWARM_SECRETS, ReadModelCollections.SWARM_CONFIGS)) {
            for (Document item : database.getCollection(collection).find()) {
                assertThat(item.keySet()).as(collection).doesNotContain("data", "value");
            }
        }
    }

    @Test
    void removingAClusterRemovesAllItsInventoryAndNoOtherClusters() {
        events.deliver("c1", nodesAdded("c1", ACCOUNT, manager("m1", "reachable")));
        events.deliver("c1", servicesAdded("c1", ACCOUNT, service("s1", "api", null, 1, 1)));
        events.deliver("c1", new SwarmTasksChanged("c1", ACCOUNT, List.of(task("t1", "s1", "m1")), List.of(),
                List.of(), OBSERVED));
        events.deliver("c1", new SwarmSecretsChanged("c1", ACCOUNT,
                List.of(new SecretSummary("x1", "db_password", null, OBSERVED, OBSERVED)), List.of(), List.of(),
                OBSERVED));
        events.deliver("c2", nodesAdded("c2", ACCOUNT, manager("m2", "reachable")));

        events.deliver("c1", new ClusterRemoved("c1", ACCOUNT, "prod-swarm", OBSERVED));

        assertThat(nodes(new ListSwarmNodes(ACCOUNT, null, null, null, FIRST_PAGE)).items())
                .extracting(SwarmNodeView::clusterId).containsExactly("c2");
        for (String collection : List.of(ReadModelCollections.SWARM_SERVICES, ReadModelCollections.SWARM_TASKS,
                ReadModelCollections.SWARM_SECRETS)) {
            assertThat(database.getCollection(collection).countDocuments()).as(collection).isZero();
        }
    }

    private SwarmNodePage nodes(ListSwarmNodes query) {
        return queries.ask(query, SwarmNodePage.class);
    }

    private SwarmServicePage services(ListSwarmServices query) {
        return queries.ask(query, SwarmServicePage.class);
    }

    private List<SwarmTaskView> tasks(ListSwarmTasks query) {
        return queries.ask(query, SwarmTaskPage.class).items();
    }

    private static TaskSummary task(String id, String serviceId, String nodeId) {
        return new TaskSummary(id, serviceId, nodeId, 1, "running", "running", null, OBSERVED);
    }
}
