package io.powernode.devops.query.swarm;

import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.common.PageRequest;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterConnected;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterCredentialsReplaced;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterDetailsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterDisconnected;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceEnded;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMarkedError;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRecoveryRecorded;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRemoved;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterSyncFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmEventObserved;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmInfoChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNodesChanged;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindCluster;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindClusterHealth;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListClusters;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterHealth;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterPage;
import io.powernode.devops.kernel.swarm.ClusterViews.ClusterView;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmInfo;
import io.powernode.devops.query.CredentialLeakCheck;
import io.powernode.devops.query.EmbeddedMongoTest;
import io.powernode.devops.query.EventDelivery;
import io.powernode.devops.query.QueryBusFixture;
import org.axonframework.eventhandling.TrackedEventMessage;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmEventObserved;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import java.util.List;
import java.util.Map;

import static io.powernode.devops.query.swarm.SwarmFixture.ACCOUNT;
import static io.powernode.devops.query.swarm.SwarmFixture.CIPHERTEXT;
import static io.powernode.devops.query.swarm.SwarmFixture.OBSERVED;
import static io.powernode.devops.query.swarm.SwarmFixture.OTHER_ACCOUNT;
import static io.powernode.devops.query.swarm.SwarmFixture.manager;
import static io.powernode.devops.query.swarm.SwarmFixture.nodesAdded;
import static io.powernode.devops.query.swarm.SwarmFixture.registered;
import static io.powernode.devops.query.swarm.SwarmFixture.service;
import static io.powernode.devops.query.swarm.SwarmFixture.servicesAdded;
import static io.powernode.devops.query.swarm.SwarmFixture.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The clusters read model and the cluster queries, with the swarm inventory behind the counts and health. */
class ClusterProjectionTest extends EmbeddedMongoTest {
    private static final String CLUSTER = "cluster-1";
    private static final PageRequest FIRST_PAGE = new PageRequest(1, 25);

    private EventDelivery events;
    private QueryBusFixture queries;

    @BeforeEach
    void wire() {
        events = new EventDelivery(new ClusterProjection(database), new SwarmInventoryProjection(database),
                new SwarmEventProjection(database));
        queries = new QueryBusFixture().register(new ClusterQueryHandler(database, new SwarmEventQueryHandler(database)));
    }

    @Test
    void aRegisteredClusterIsPendingWithItsDetailsAndNoSwarmYet() {
        events.deliver(CLUSTER, registered(CLUSTER, ACCOUNT, "prod-swarm", DeploymentEnvironment.production));

        ClusterView cluster = find(ACCOUNT, CLUSTER);
        assertThat(cluster.name()).isEqualTo("prod-swarm");
        assertThat(cluster.accountId()).isEqualTo(ACCOUNT);
        assertThat(cluster.managerEndpoint()).isEqualTo("tcp://prod-swarm:2376");
        assertThat(cluster.environment()).isEqualTo(DeploymentEnvironment.production);
        assertThat(cluster.tlsVerify()).isTrue();
        assertThat(cluster.hasTlsCredentials()).isTrue();
        assertThat(cluster.status()).isEqualTo(ConnectionStatus.pending);
        assertThat(cluster.swarmId()).isNull();
        assertThat(cluster.managerCount()).isZero();
        assertThat(cluster.syncIntervalSeconds()).isEqualTo(30);
        assertThat(cluster.version()).isZero();
        assertThat(cluster.createdAt()).isEqualTo(EventDelivery.START.plusSeconds(1));
        CredentialLeakCheck.assertNowhere(database, CIPHERTEXT);
    }

    @Test
    void statusFollowsTheLifecycleAsAHostsDoes() {
        events.deliver(CLUSTER, registered(CLUSTER, ACCOUNT, "prod-swarm", DeploymentEnvironment.production));
        events.deliver(CLUSTER, new ClusterConnected(CLUSTER, ACCOUNT, ConnectionStatus.pending, "first sync",
                OBSERVED));
        assertThat(find(ACCOUNT, CLUSTER).status()).isEqualTo(ConnectionStatus.connected);
        assertThat(find(ACCOUNT, CLUSTER).lastSyncedAt()).isEqualTo(OBSERVED);

        events.deliver(CLUSTER, new ClusterSyncFailed(CLUSTER, ACCOUNT, 1, "timeout", OBSERVED.plusSeconds(30)));
        assertThat(find(ACCOUNT, CLUSTER).lastError()).isEqualTo("timeout");
        events.deliver(CLUSTER, new ClusterDisconnected(CLUSTER, ACCOUNT, "no answer", OBSERVED.plusSeconds(31)));
        assertThat(find(ACCOUNT, CLUSTER).status()).isEqualTo(ConnectionStatus.disconnected);
        events.deliver(CLUSTER, new ClusterMarkedError(CLUSTER, ACCOUNT, ConnectionStatus.disconnected, 5,
                "5 failures", OBSERVED.plusSeconds(150)));
        assertThat(find(ACCOUNT, CLUSTER).status()).isEqualTo(ConnectionStatus.error);
        assertThat(find(ACCOUNT, CLUSTER).consecutiveFailures()).isEqualTo(5);
        events.deliver(CLUSTER, new ClusterMaintenanceStarted(CLUSTER, ACCOUNT, ConnectionStatus.error, "upgrade",
                OBSERVED.plusSeconds(200)));
        assertThat(find(ACCOUNT, CLUSTER).status()).isEqualTo(ConnectionStatus.maintenance);
        events.deliver(CLUSTER, new ClusterMaintenanceEnded(CLUSTER, ACCOUNT, OBSERVED.plusSeconds(300)));
        assertThat(find(ACCOUNT, CLUSTER).status()).isEqualTo(ConnectionStatus.pending);
        assertThat(find(ACCOUNT, CLUSTER).consecutiveFailures()).isZero();
        events.deliver(CLUSTER, new ClusterRecoveryRecorded(CLUSTER, ACCOUNT, ConnectionStatus.pending, 0,
                OBSERVED.plusSeconds(301)));

        ClusterView recovered = find(ACCOUNT, CLUSTER);
        assertThat(recovered.status()).isEqualTo(ConnectionStatus.connected);
        assertThat(recovered.lastError()).isNull();
        assertThat(recovered.version()).isEqualTo(7);
        assertThat(recovered.updatedAt()).isEqualTo(EventDelivery.START.plusSeconds(events.lastPosition()));
    }

    @Test
    void detailsCredentialsAndSwarmSettingsAreApplied() {
        events.deliver(CLUSTER, registered(CLUSTER, ACCOUNT, "prod-swarm", DeploymentEnvironment.production));
        events.deliver(CLUSTER, new ClusterDetailsChanged(CLUSTER, ACCOUNT, "eu-swarm", "tcp://eu:2376",
                DeploymentEnvironment.staging, false, 120, List.of("name"), OBSERVED));
        events.deliver(CLUSTER, new ClusterCredentialsReplaced(CLUSTER, ACCOUNT, null, OBSERVED));
        events.deliver(CLUSTER, new SwarmInfoChanged(CLUSTER, ACCOUNT,
                new SwarmInfo("swarm-abc", OBSERVED.minusSeconds(86_400), true, 5), OBSERVED.plusSeconds(5)));

        ClusterView cluster = find(ACCOUNT, CLUSTER);
        assertThat(cluster.name()).isEqualTo("eu-swarm");
        assertThat(cluster.managerEndpoint()).isEqualTo("tcp://eu:2376");
        assertThat(cluster.environment()).isEqualTo(DeploymentEnvironment.staging);
        assertThat(cluster.tlsVerify()).isFalse();
        assertThat(cluster.syncIntervalSeconds()).isEqualTo(120);
        assertThat(cluster.hasTlsCredentials()).isFalse();
        assertThat(cluster.swarmId()).isEqualTo("swarm-abc");
        assertThat(cluster.autolockManagers()).isTrue();
        assertThat(cluster.taskHistoryLimit()).isEqualTo(5);
        assertThat(cluster.lastSyncedAt()).isEqualTo(OBSERVED.plusSeconds(5));
    }

    @Test
    void aReDeliveredEventChangesNothingAndSwarmEventsAdvanceTheVersion() {
        events.deliver(CLUSTER, registered(CLUSTER, ACCOUNT, "prod-swarm", DeploymentEnvironment.production));
        TrackedEventMessage<?> failure = events.deliver(CLUSTER,
                new ClusterSyncFailed(CLUSTER, ACCOUNT, 1, "timeout", OBSERVED));
        events.deliver(CLUSTER, new ClusterConnected(CLUSTER, ACCOUNT, ConnectionStatus.pending, "sync ok",
                OBSERVED.plusSeconds(30)));
        events.deliver(CLUSTER, new SwarmEventObserved(CLUSTER, ACCOUNT, new DockerEventRecord("node", "update",
                "m1", Map.of(), "swarm", 1_772_362_831_000_000_000L)));
        ClusterView before = find(ACCOUNT, CLUSTER);

        events.redeliver(failure);

        assertThat(find(ACCOUNT, CLUSTER)).isEqualTo(before);
        assertThat(before.lastError()).isNull();
        assertThat(before.version()).isEqualTo(3);
    }

    @Test
    void anotherAccountsClusterIsNotFound() {
        events.deliver(CLUSTER, registered(CLUSTER, ACCOUNT, "prod-swarm", DeploymentEnvironment.production));

        assertThat(find(OTHER_ACCOUNT, CLUSTER)).isNull();
        assertThat(health(OTHER_ACCOUNT, CLUSTER)).isNull();
        assertThat(list(new ListClusters(OTHER_ACCOUNT, null, null, FIRST_PAGE)).items()).isEmpty();
    }

    @Test
    void countsComeFromTheInventoryAsItIsNow() {
        events.deliver(CLUSTER, registered(CLUSTER, ACCOUNT, "prod-swarm", DeploymentEnvironment.production));
        events.deliver(CLUSTER, nodesAdded(CLUSTER, ACCOUNT, manager("m1", "reachable"), manager("m2", "reachable"),
                manager("m3", "reachable"), worker("w1", NodeState.ready), worker("w2", NodeState.ready)));
        events.deliver(CLUSTER, servicesAdded(CLUSTER, ACCOUNT, service("s1", "api", null, 1, 1)));
        events.deliver(CLUSTER, new SwarmNodesChanged(CLUSTER, ACCOUNT, List.of(), List.of(), List.of("w2", "w9"),
                OBSERVED.plusSeconds(60)));
        events.deliver("cluster-2", registered("cluster-2", ACCOUNT, "edge", DeploymentEnvironment.staging));

        ClusterView cluster = find(ACCOUNT, CLUSTER);
        assertThat(cluster.managerCount()).isEqualTo(3);
        assertThat(cluster.workerCount()).isEqualTo(1);
        assertThat(cluster.serviceCount()).isEqualTo(1);
        assertThat(cluster.lastSyncedAt()).isEqualTo(OBSERVED.plusSeconds(60));
        assertThat(list(new ListClusters(ACCOUNT, null, null, FIRST_PAGE)).items())
                .extracting(ClusterView::name, ClusterView::managerCount)
                .containsExactly(tuple("edge", 0),
                        tuple("prod-swarm", 3));
    }

    @Test
    void clustersAreFilteredByStatusAndEnvironmentAndPaged() {
        for (String name : List.of("a", "b", "c", "d")) {
            events.deliver(name, registered(name, ACCOUNT, name, DeploymentEnvironment.production));
        }
        events.deliver("e", registered("e", ACCOUNT, "e", DeploymentEnvironment.staging));
        events.deliver("b", new ClusterConnected("b", ACCOUNT, ConnectionStatus.pending, "ok", OBSERVED));

        ClusterPage page = list(new ListClusters(ACCOUNT, ConnectionStatus.pending, DeploymentEnvironment.production,
                new PageRequest(2, 2)));

        assertThat(page.items()).extracting(ClusterView::name).containsExactly("d");
        assertThat(page.page().totalCount()).isEqualTo(3);
    }

    @Test
    void removingAClusterRemovesItAndItsInventory() {
        events.deliver(CLUSTER, registered(CLUSTER, ACCOUNT, "prod-swarm", DeploymentEnvironment.production));
        events.deliver(CLUSTER, nodesAdded(CLUSTER, ACCOUNT, manager("m1", "reachable")));

        events.deliver(CLUSTER, new ClusterRemoved(CLUSTER, ACCOUNT, "prod-swarm", OBSERVED));

        assertThat(find(ACCOUNT, CLUSTER)).isNull();
        assertThat(database.getCollection("swarm_nodes").countDocuments()).isZero();
    }

    @Test
    void healthIsJudgedFromTheRecordedNodesAndServices() {
        events.deliver(CLUSTER, registered(CLUSTER, ACCOUNT, "prod-swarm", DeploymentEnvironment.production));
        events.deliver(CLUSTER, nodesAdded(CLUSTER, ACCOUNT, manager("m1", "reachable"), manager("m2", "reachable"),
                manager("m3", "unreachable")));
        events.deliver(CLUSTER, servicesAdded(CLUSTER, ACCOUNT, service("s1", "api", "shop", 2, 1)));

        ClusterHealth health = health(ACCOUNT, CLUSTER);

        assertThat(health.clusterId()).isEqualTo(CLUSTER);
        assertThat(health.state()).isEqualTo(ClusterHealth.DEGRADED);
        assertThat(health.managersReachable()).isEqualTo(2);
        assertThat(health.toleratedManagerLosses()).isEqualTo(1);
        assertThat(health.servicesNotConverged()).containsExactly("api");
        assertThat(health.reasons()).hasSize(2);
        assertThat(health.evaluatedAt()).isNotNull();
    }

    @Test
    void recentErrorEventsAreShownBesideAVerdictThatFollowsTheSwarmAsItIsNow() {
        events.deliver(CLUSTER, registered(CLUSTER, ACCOUNT, "prod-swarm", DeploymentEnvironment.production));
        events.deliver(CLUSTER, nodesAdded(CLUSTER, ACCOUNT, manager("m1", "reachable"), manager("m2", "reachable"),
                manager("m3", "reachable")));
        long now = Instant.now().getEpochSecond() * 1_000_000_000L;
        long anHourAgo = now - 3_600_000_000_000L;
        events.deliver(CLUSTER, nodeEvent(Map.of("state.new", "down", "name", "m3"), anHourAgo));
        events.deliver(CLUSTER, nodeEvent(Map.of("state.new", "down", "name", "m3"), now - 60_000_000_000L));
        events.deliver(CLUSTER, nodeEvent(Map.of("state.new", "ready", "name", "m3"), now));

        ClusterHealth health = health(ACCOUNT, CLUSTER);

        assertThat(health.state()).isEqualTo(ClusterHealth.HEALTHY);
        assertThat(health.recentErrorEvents()).singleElement()
                .satisfies(event -> assertThat(event.attributes()).containsEntry("state.new", "down"));
    }

    private SwarmEventObserved nodeEvent(Map<String, String> attributes, long timeNano) {
        return new SwarmEventObserved(CLUSTER, ACCOUNT,
                new DockerEventRecord("node", "update", "m3", attributes, "swarm", timeNano));
    }

    @Test
    void aSyncFailingForWantOfALeaderIsQuorumLost() {
        events.deliver(CLUSTER, registered(CLUSTER, ACCOUNT, "prod-swarm", DeploymentEnvironment.production));
        events.deliver(CLUSTER, nodesAdded(CLUSTER, ACCOUNT, manager("m1", "reachable"), manager("m2", "reachable"),
                manager("m3", "reachable")));
        events.deliver(CLUSTER, new ClusterSyncFailed(CLUSTER, ACCOUNT, 1, "The swarm does not have a leader",
                OBSERVED));

        assertThat(health(ACCOUNT, CLUSTER).state()).isEqualTo(ClusterHealth.QUORUM_LOST);
    }

    @Test
    void noClusterHasNoHealth() {
        assertThat(health(ACCOUNT, "missing")).isNull();
    }

    private ClusterView find(String accountId, String clusterId) {
        return queries.ask(new FindCluster(accountId, clusterId), ClusterView.class);
    }

    private ClusterHealth health(String accountId, String clusterId) {
        return queries.ask(new FindClusterHealth(accountId, clusterId), ClusterHealth.class);
    }

    private ClusterPage list(ListClusters query) {
        return queries.ask(query, ClusterPage.class);
    }
}
