package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmConfigsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNetworksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmSecretsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmVolumesChanged;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmConfig;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmNetwork;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmNode;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmSecret;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmService;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmVolume;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmConfigView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNetworkView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNodeView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmSecretView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmServiceView;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmVolumeView;
import io.powernode.devops.kernel.swarm.SwarmInventory.ConfigSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.SecretSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmNetworkSummary;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
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

/** One object of the account's swarm inventory by its Docker id (a volume by cluster and name). */
class SwarmInventoryFinderTest extends EmbeddedMongoTest {
    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        events = new EventDelivery(new SwarmInventoryProjection(database));
        queries = new QueryBusFixture().register(new SwarmInventoryQueryHandler(database));
        events.deliver("c1", nodesAdded("c1", ACCOUNT, manager("m1", "reachable"), worker("w1", NodeState.ready)));
        events.deliver("c1", servicesAdded("c1", ACCOUNT, service("s1", "shop_api", "shop", 2, 2)));
        events.deliver("c1", new SwarmSecretsChanged("c1", ACCOUNT,
                List.of(new SecretSummary("x1", "db_password", Map.of(), OBSERVED, OBSERVED)), List.of(), List.of(),
                OBSERVED));
        events.deliver("c1", new SwarmConfigsChanged("c1", ACCOUNT,
                List.of(new ConfigSummary("k1", "nginx_conf", Map.of(), null, OBSERVED, OBSERVED)), List.of(),
                List.of(), OBSERVED));
        events.deliver("c1", new SwarmNetworksChanged("c1", ACCOUNT,
                List.of(new SwarmNetworkSummary("n1", "shop_backend", "overlay", "swarm", true, false, false, false,
                        Map.of())), List.of(), List.of(), OBSERVED));
        events.deliver("c1", new SwarmVolumesChanged("c1", ACCOUNT,
                List.of(new VolumeSummary("pgdata", "local", "/var/lib/docker/volumes/pgdata/_data", "local",
                        Map.of())), List.of(), List.of(), OBSERVED));
    }

    @Test
    void eachKindIsFoundByItsDockerId() {
        assertThat(queries.ask(new FindSwarmNode(ACCOUNT, "w1"), SwarmNodeView.class).hostname())
                .isEqualTo("w1.example");
        assertThat(queries.ask(new FindSwarmService(ACCOUNT, "s1"), SwarmServiceView.class).stack())
                .isEqualTo("shop");
        assertThat(queries.ask(new FindSwarmSecret(ACCOUNT, "x1"), SwarmSecretView.class).name())
                .isEqualTo("db_password");
        assertThat(queries.ask(new FindSwarmConfig(ACCOUNT, "k1"), SwarmConfigView.class).name())
                .isEqualTo("nginx_conf");
        assertThat(queries.ask(new FindSwarmNetwork(ACCOUNT, "n1"), SwarmNetworkView.class).clusterId())
                .isEqualTo("c1");
    }

    @Test
    void aVolumeIsFoundByItsClusterAndName() {
        assertThat(queries.ask(new FindSwarmVolume(ACCOUNT, "c1", "pgdata"), SwarmVolumeView.class).mountpoint())
                .isEqualTo("/var/lib/docker/volumes/pgdata/_data");
        assertThat(queries.ask(new FindSwarmVolume(ACCOUNT, "c2", "pgdata"), SwarmVolumeView.class)).isNull();
    }

    @Test
    void anotherAccountFindsNothing() {
        assertThat(queries.ask(new FindSwarmNode(OTHER_ACCOUNT, "w1"), SwarmNodeView.class)).isNull();
        assertThat(queries.ask(new FindSwarmService(OTHER_ACCOUNT, "s1"), SwarmServiceView.class)).isNull();
        assertThat(queries.ask(new FindSwarmSecret(OTHER_ACCOUNT, "x1"), SwarmSecretView.class)).isNull();
        assertThat(queries.ask(new FindSwarmConfig(OTHER_ACCOUNT, "k1"), SwarmConfigView.class)).isNull();
        assertThat(queries.ask(new FindSwarmNetwork(OTHER_ACCOUNT, "n1"), SwarmNetworkView.class)).isNull();
        assertThat(queries.ask(new FindSwarmVolume(OTHER_ACCOUNT, "c1", "pgdata"), SwarmVolumeView.class)).isNull();
    }

    @Test
    void anUnknownOrMissingIdFindsNothing() {
        assertThat(queries.ask(new FindSwarmNode(ACCOUNT, "w9"), SwarmNodeView.class)).isNull();
        assertThat(queries.ask(new FindSwarmService(ACCOUNT, null), SwarmServiceView.class)).isNull();
    }

    @Test
    void aRemovedClustersObjectsAreGone() {
        events.deliver("c1", new ClusterRemoved("c1", ACCOUNT, "prod", OBSERVED));

        assertThat(queries.ask(new FindSwarmNode(ACCOUNT, "m1"), SwarmNodeView.class)).isNull();
        assertThat(queries.ask(new FindSwarmVolume(ACCOUNT, "c1", "pgdata"), SwarmVolumeView.class)).isNull();
    }
}
