package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.NameRegistry;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.HostInventory.VolumeSummary;
import io.powernode.devops.kernel.host.SealedCredentials;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterSync;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordClusterSyncFailure;
import io.powernode.devops.kernel.swarm.ClusterCommands.RegisterCluster;
import io.powernode.devops.kernel.swarm.ClusterCommands.RequestSwarmOperation;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterConnected;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterDisconnected;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMarkedError;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterRegistered;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterSyncFailed;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmConfigsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmInfoChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNetworksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmNodesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmSecretsChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmServicesChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmTasksChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmVolumesChanged;
import io.powernode.devops.kernel.swarm.SwarmInventory.ClusterSnapshot;
import io.powernode.devops.kernel.swarm.SwarmInventory.ConfigSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeState;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SecretSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmInfo;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmNetworkSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.TaskSummary;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One cluster's story, told with the same values in every test: a manager and a worker node, the web and api
 * services (web's two tasks, one on each node), and two each of networks, volumes, secrets and configs.
 */
final class ClusterTestData {

    static final String CLUSTER_ID = "cluster-1";
    static final String OTHER_CLUSTER_ID = "cluster-2";
    static final String ACCOUNT = "account-a";
    static final String OTHER_ACCOUNT = "account-b";
    static final String NAME = "prod-swarm";
    static final String ENDPOINT = "https://manager-1.example.com:2376";
    static final SealedCredentials CREDENTIALS = new SealedCredentials("master-1", "c2VhbGVkLWJ5LXRlc3Q=");
    static final int INTERVAL = 60;

    static final Instant REGISTERED_AT = Instant.parse("2026-05-20T09:00:00Z");
    /** When the sync process observes something: every instant is one minute after the one before. */
    static final Instant T1 = Instant.parse("2026-05-20T10:01:00Z");
    static final Instant T2 = T1.plusSeconds(60);
    static final Instant T3 = T2.plusSeconds(60);
    static final Instant T4 = T3.plusSeconds(60);
    static final Instant T5 = T4.plusSeconds(60);
    static final Instant T6 = T5.plusSeconds(60);
    /** When a user acts, after every observation above. */
    static final Instant NOW = Instant.parse("2026-05-20T11:00:00Z");

    static final Instant CREATED = Instant.parse("2026-05-01T00:00:00Z");
    static final SwarmInfo SWARM = new SwarmInfo("swarm-abc", CREATED, false, 5);
    static final NodeSummary MANAGER = node("node-m", "manager-1", NodeRole.manager, NodeState.ready);
    static final NodeSummary WORKER = node("node-w", "worker-1", NodeRole.worker, NodeState.ready);
    static final ServiceSummary WEB = service("svc-web", "web", 2);
    static final ServiceSummary API = service("svc-api", "api", 1);
    static final TaskSummary WEB_1 = task("task-1", 1, "node-m", "running");
    static final TaskSummary WEB_2 = task("task-2", 2, "node-w", "running");
    static final SwarmNetworkSummary OVERLAY = new SwarmNetworkSummary("net-1", "app", "overlay", "swarm", true,
            false, false, false, Map.of());
    static final SwarmNetworkSummary INGRESS = new SwarmNetworkSummary("net-ingress", "ingress", "overlay", "swarm",
            false, false, false, true, Map.of());
    static final VolumeSummary DATA = new VolumeSummary("data", "local", "/var/lib/docker/volumes/data/_data",
            "local", Map.of());
    static final VolumeSummary LOGS = new VolumeSummary("logs", "local", "/var/lib/docker/volumes/logs/_data",
            "local", Map.of());
    static final SecretSummary DB_PASSWORD = new SecretSummary("sec-1", "db_password", Map.of(), CREATED, CREATED);
    static final SecretSummary TLS_KEY = new SecretSummary("sec-2", "tls_key", Map.of(), CREATED, CREATED);
    static final ConfigSummary NGINX_CONF = new ConfigSummary("cfg-1", "nginx.conf", Map.of(), null, CREATED,
            CREATED);
    static final ConfigSummary APP_CONF = new ConfigSummary("cfg-2", "app.yml", Map.of(), "golang", CREATED,
            CREATED);

    static final String OPERATION_ID = "op-1";

    private ClusterTestData() {
    }

    static FixtureConfiguration<SwarmCluster> fixtureWith(NameRegistry names) {
        FixtureConfiguration<SwarmCluster> fixture = new AggregateTestFixture<>(SwarmCluster.class);
        fixture.registerInjectableResource(names);
        return fixture;
    }

    static NodeSummary node(String id, String hostname, NodeRole role, NodeState state) {
        return new NodeSummary(id, hostname, role, NodeAvailability.active, state,
                role == NodeRole.manager ? "reachable" : null, role == NodeRole.manager, "10.0.0.1", "24.0.7",
                Map.of(), 4_000_000_000L, 8_000_000_000L);
    }

    static ServiceSummary service(String id, String name, int replicas) {
        return new ServiceSummary(id, name, ServiceMode.replicated, "nginx:1.27", replicas, replicas, null, null,
                Map.of(), 10);
    }

    static TaskSummary task(String id, int slot, String nodeId, String state) {
        return new TaskSummary(id, "svc-web", nodeId, slot, "running", state, null, CREATED);
    }

    static RegisterCluster registerCluster(String name, int syncIntervalSeconds) {
        return new RegisterCluster(CLUSTER_ID, ACCOUNT, name, ENDPOINT, DeploymentEnvironment.production, true,
                CREDENTIALS, syncIntervalSeconds);
    }

    static ClusterRegistered clusterRegistered() {
        return new ClusterRegistered(CLUSTER_ID, ACCOUNT, NAME, ENDPOINT, DeploymentEnvironment.production, true,
                CREDENTIALS, INTERVAL, REGISTERED_AT);
    }

    /** What the sync reads through the manager while nothing changes in the swarm. */
    static ClusterSnapshot usualSnapshot(Instant observedAt) {
        return usualSwarm().at(observedAt);
    }

    /** The usual swarm, to which a test changes the part it is about. */
    static SnapshotBuilder usualSwarm() {
        return new SnapshotBuilder();
    }

    static final class SnapshotBuilder {
        private SwarmInfo swarm = SWARM;
        private List<NodeSummary> nodes = List.of(MANAGER, WORKER);
        private List<ServiceSummary> services = List.of(WEB, API);
        private List<TaskSummary> tasks = List.of(WEB_1, WEB_2);
        private List<SwarmNetworkSummary> networks = List.of(OVERLAY, INGRESS);
        private List<VolumeSummary> volumes = List.of(DATA, LOGS);
        private List<SecretSummary> secrets = List.of(DB_PASSWORD, TLS_KEY);
        private List<ConfigSummary> configs = List.of(NGINX_CONF, APP_CONF);

        SnapshotBuilder swarm(SwarmInfo swarm) {
            this.swarm = swarm;
            return this;
        }

        SnapshotBuilder nodes(NodeSummary... nodes) {
            this.nodes = List.of(nodes);
            return this;
        }

        SnapshotBuilder services(ServiceSummary... services) {
            this.services = List.of(services);
            return this;
        }

        SnapshotBuilder tasks(TaskSummary... tasks) {
            this.tasks = List.of(tasks);
            return this;
        }

        SnapshotBuilder networks(SwarmNetworkSummary... networks) {
            this.networks = List.of(networks);
            return this;
        }

        SnapshotBuilder volumes(VolumeSummary... volumes) {
            this.volumes = List.of(volumes);
            return this;
        }

        SnapshotBuilder secrets(SecretSummary... secrets) {
            this.secrets = List.of(secrets);
            return this;
        }

        SnapshotBuilder configs(ConfigSummary... configs) {
            this.configs = List.of(configs);
            return this;
        }

        ClusterSnapshot at(Instant observedAt) {
            return new ClusterSnapshot(swarm, nodes, services, tasks, networks, volumes, secrets, configs,
                    observedAt);
        }
    }

    static RecordClusterSync sync(ClusterSnapshot snapshot) {
        return new RecordClusterSync(CLUSTER_ID, snapshot);
    }

    static RecordClusterSyncFailure syncFailure(Instant observedAt) {
        return new RecordClusterSyncFailure(CLUSTER_ID, "connection refused", observedAt);
    }

    /** The events with which a cluster first records the usual snapshot. */
    static List<Object> usualInventoryRecorded(Instant observedAt) {
        return List.of(
                new SwarmInfoChanged(CLUSTER_ID, ACCOUNT, SWARM, observedAt),
                new SwarmNodesChanged(CLUSTER_ID, ACCOUNT, List.of(MANAGER, WORKER), List.of(), List.of(),
                        observedAt),
                new SwarmServicesChanged(CLUSTER_ID, ACCOUNT, List.of(WEB, API), List.of(), List.of(), observedAt),
                new SwarmTasksChanged(CLUSTER_ID, ACCOUNT, List.of(WEB_1, WEB_2), List.of(), List.of(), observedAt),
                new SwarmNetworksChanged(CLUSTER_ID, ACCOUNT, List.of(OVERLAY, INGRESS), List.of(), List.of(),
                        observedAt),
                new SwarmVolumesChanged(CLUSTER_ID, ACCOUNT, List.of(DATA, LOGS), List.of(), List.of(), observedAt),
                new SwarmSecretsChanged(CLUSTER_ID, ACCOUNT, List.of(DB_PASSWORD, TLS_KEY), List.of(), List.of(),
                        observedAt),
                new SwarmConfigsChanged(CLUSTER_ID, ACCOUNT, List.of(NGINX_CONF, APP_CONF), List.of(), List.of(),
                        observedAt));
    }

    /** Registered, then connected by a first sync at T1 that recorded the usual inventory. */
    static List<Object> connectedCluster() {
        List<Object> history = new ArrayList<>();
        history.add(clusterRegistered());
        history.add(new ClusterConnected(CLUSTER_ID, ACCOUNT, ConnectionStatus.pending, "First successful sync",
                T1));
        history.addAll(usualInventoryRecorded(T1));
        return history;
    }

    /** The owner asks for {@code operation} as {@link #OPERATION_ID}. */
    static RequestSwarmOperation request(SwarmOperation operation) {
        return new RequestSwarmOperation(CLUSTER_ID, ACCOUNT, OPERATION_ID, operation);
    }

    /** The owner's request for {@code operation}, recorded as {@link #OPERATION_ID} at {@link #NOW}. */
    static SwarmOperationRequested requested(SwarmOperation operation) {
        return new SwarmOperationRequested(CLUSTER_ID, ACCOUNT, OPERATION_ID, operation, NOW);
    }

    static ClusterSyncFailed syncFailed(int consecutiveFailures, Instant at) {
        return new ClusterSyncFailed(CLUSTER_ID, ACCOUNT, consecutiveFailures, "connection refused", at);
    }

    static ClusterDisconnected disconnected(Instant at) {
        return new ClusterDisconnected(CLUSTER_ID, ACCOUNT, "connection refused", at);
    }

    /** A connected cluster whose syncs failed from T2 on: disconnected at the first failure, error at the fifth. */
    static List<Object> clusterInError() {
        List<Object> history = new ArrayList<>(connectedCluster());
        history.add(syncFailed(1, T2));
        history.add(disconnected(T2));
        history.add(syncFailed(2, T3));
        history.add(syncFailed(3, T4));
        history.add(syncFailed(4, T5));
        history.add(syncFailed(5, T6));
        history.add(new ClusterMarkedError(CLUSTER_ID, ACCOUNT, ConnectionStatus.disconnected, 5,
                "5 consecutive syncs failed; last error: connection refused", T6));
        return history;
    }
}
