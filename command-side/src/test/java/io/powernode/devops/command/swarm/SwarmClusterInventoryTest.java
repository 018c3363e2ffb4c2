package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmConfigsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmInfoChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNetworksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNodesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmSecretsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmServicesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmTasksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmVolumesChanged;
import io.powernode.devops.kernel.swarm.SwarmInventory.ConfigSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SecretSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmInfo;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmNetworkSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.TaskSummary;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.powernode.devops.command.swarm.ClusterTestData.*;

/**
 * A connected cluster compares each sync with the swarm it recorded at T1 and records only what moved. Each kind
 * of inventory is tested with its first item changed, its second gone and a new one added.
 */
class SwarmClusterInventoryTest {

    private static final Instant LATER = CREATED.plusSeconds(3600);

    private FixtureConfiguration<SwarmCluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryNameRegistry());
    }

    @Test
    void a_sync_that_finds_nothing_new_records_nothing() {
        fixture.given(connectedCluster())
                .when(sync(usualSnapshot(T2)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_snapshot_older_than_the_last_recorded_observation_is_ignored() {
        fixture.given(connectedCluster())
                .when(sync(usualSwarm().nodes().services().at(T1.minusSeconds(1))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_changed_swarm_setting_is_recorded_as_changed_swarm_info() {
        SwarmInfo autolocked = new SwarmInfo(SWARM.swarmId(), SWARM.createdAt(), true, SWARM.taskHistoryLimit());

        fixture.given(connectedCluster())
                .when(sync(usualSwarm().swarm(autolocked).at(T2)))
                .expectEvents(new SwarmInfoChanged(CLUSTER_ID, ACCOUNT, autolocked, T2));
    }

    @Test
    void nodes_joined_changed_and_gone_are_recorded_together() {
        NodeSummary managerDown = node("node-m", "manager-1", NodeRole.manager, NodeState.down);
        NodeSummary newWorker = node("node-w2", "worker-2", NodeRole.worker, NodeState.ready);

        fixture.given(connectedCluster())
                .when(sync(usualSwarm().nodes(managerDown, newWorker).at(T2)))
                .expectEvents(new SwarmNodesChanged(CLUSTER_ID, ACCOUNT, List.of(newWorker), List.of(managerDown),
                        List.of("node-w"), T2));
    }

    @Test
    void services_created_updated_and_removed_are_recorded_together() {
        ServiceSummary webScaled = service("svc-web", "web", 4);
        ServiceSummary worker = service("svc-worker", "worker", 1);

        fixture.given(connectedCluster())
                .when(sync(usualSwarm().services(webScaled, worker).at(T2)))
                .expectEvents(new SwarmServicesChanged(CLUSTER_ID, ACCOUNT, List.of(worker), List.of(webScaled),
                        List.of("svc-api"), T2));
    }

    @Test
    void tasks_scheduled_changed_and_gone_are_recorded_together() {
        TaskSummary firstFailed = task("task-1", 1, "node-m", "failed");
        TaskSummary replacement = task("task-3", 1, "node-w", "running");

        fixture.given(connectedCluster())
                .when(sync(usualSwarm().tasks(firstFailed, replacement).at(T2)))
                .expectEvents(new SwarmTasksChanged(CLUSTER_ID, ACCOUNT, List.of(replacement), List.of(firstFailed),
                        List.of("task-2"), T2));
    }

    @Test
    void networks_created_changed_and_removed_are_recorded_together() {
        SwarmNetworkSummary encrypted = new SwarmNetworkSummary("net-1", "app", "overlay", "swarm", true, false,
                true, false, Map.of());
        SwarmNetworkSummary backend = new SwarmNetworkSummary("net-2", "backend", "overlay", "swarm", false, true,
                false, false, Map.of());

        fixture.given(connectedCluster())
                .when(sync(usualSwarm().networks(encrypted, backend).at(T2)))
                .expectEvents(new SwarmNetworksChanged(CLUSTER_ID, ACCOUNT, List.of(backend), List.of(encrypted),
                        List.of("net-ingress"), T2));
    }

    @Test
    void volumes_are_compared_and_removed_by_name() {
        VolumeSummary relabelled = new VolumeSummary("data", "local", DATA.mountpoint(), "local",
                Map.of("backup", "daily"));
        VolumeSummary cache = new VolumeSummary("cache", "local", "/var/lib/docker/volumes/cache/_data", "local",
                Map.of());

        fixture.given(connectedCluster())
                .when(sync(usualSwarm().volumes(relabelled, cache).at(T2)))
                .expectEvents(new SwarmVolumesChanged(CLUSTER_ID, ACCOUNT, List.of(cache), List.of(relabelled),
                        List.of("logs"), T2));
    }

    @Test
    void secrets_created_relabelled_and_removed_are_recorded_together() {
        SecretSummary relabelled = new SecretSummary("sec-1", "db_password", Map.of("rotated", "yes"), CREATED,
                LATER);
        SecretSummary apiToken = new SecretSummary("sec-3", "api_token", Map.of(), LATER, LATER);

        fixture.given(connectedCluster())
                .when(sync(usualSwarm().secrets(relabelled, apiToken).at(T2)))
                .expectEvents(new SwarmSecretsChanged(CLUSTER_ID, ACCOUNT, List.of(apiToken), List.of(relabelled),
                        List.of("sec-2"), T2));
    }

    @Test
    void configs_created_changed_and_removed_are_recorded_together() {
        ConfigSummary templated = new ConfigSummary("cfg-1", "nginx.conf", Map.of(), "golang", CREATED, LATER);
        ConfigSummary haproxy = new ConfigSummary("cfg-3", "haproxy.cfg", Map.of(), null, LATER, LATER);

        fixture.given(connectedCluster())
                .when(sync(usualSwarm().configs(templated, haproxy).at(T2)))
                .expectEvents(new SwarmConfigsChanged(CLUSTER_ID, ACCOUNT, List.of(haproxy), List.of(templated),
                        List.of("cfg-2"), T2));
    }

    @Test
    void the_next_sync_compares_with_the_inventory_as_last_changed() {
        ServiceSummary worker = service("svc-worker", "worker", 1);

        fixture.given(connectedCluster())
                .andGiven(new SwarmServicesChanged(CLUSTER_ID, ACCOUNT, List.of(worker), List.of(),
                        List.of("svc-api"), T2))
                .when(sync(usualSwarm().services(WEB, worker).at(T3)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
