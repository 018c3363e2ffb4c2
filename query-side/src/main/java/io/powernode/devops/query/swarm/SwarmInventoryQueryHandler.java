package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmConfig;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmNetwork;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmNode;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmSecret;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmService;
import io.powernode.devops.kernel.swarm.ClusterQueries.FindSwarmVolume;
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
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmVolumePage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmVolumeView;
import io.powernode.devops.query.inventory.InventoryKind;
import io.powernode.devops.query.inventory.InventoryStore;
import io.powernode.devops.query.mongo.AccountScope;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.*;

/**
 * Lists a cluster's (or all the account's clusters') swarm inventory, one page at a time, and finds one object of
 * it. Another account's object is answered exactly like a missing one.
 */
@Component
public class SwarmInventoryQueryHandler {
    private final InventoryStore store;

    public SwarmInventoryQueryHandler(MongoDatabase database) {
        this.store = new InventoryStore(database);
    }

    @QueryHandler
    public SwarmNodePage handle(ListSwarmNodes query) {
        var slice = store.list(NODES, inCluster(query.accountId(), query.clusterId())
                .whereEquals(ROLE, query.role()).whereEquals(AVAILABILITY, query.availability()), query.page());
        return new SwarmNodePage(slice.items(), slice.page());
    }

    @QueryHandler
    public SwarmServicePage handle(ListSwarmServices query) {
        var slice = store.list(SERVICES, inCluster(query.accountId(), query.clusterId())
                .whereEquals(STACK, query.stack()), query.page());
        return new SwarmServicePage(slice.items(), slice.page());
    }

    @QueryHandler
    public SwarmTaskPage handle(ListSwarmTasks query) {
        var slice = store.list(TASKS, inCluster(query.accountId(), query.clusterId())
                .whereEquals(SERVICE_ID, query.serviceId()).whereEquals(NODE_ID, query.nodeId()), query.page());
        return new SwarmTaskPage(slice.items(), slice.page());
    }

    @QueryHandler
    public SwarmNetworkPage handle(ListSwarmNetworks query) {
        var slice = store.list(NETWORKS, inCluster(query.accountId(), query.clusterId()), query.page());
        return new SwarmNetworkPage(slice.items(), slice.page());
    }

    @QueryHandler
    public SwarmVolumePage handle(ListSwarmVolumes query) {
        var slice = store.list(VOLUMES, inCluster(query.accountId(), query.clusterId()), query.page());
        return new SwarmVolumePage(slice.items(), slice.page());
    }

    @QueryHandler
    public SwarmSecretPage handle(ListSwarmSecrets query) {
        var slice = store.list(SECRETS, inCluster(query.accountId(), query.clusterId()), query.page());
        return new SwarmSecretPage(slice.items(), slice.page());
    }

    @QueryHandler
    public SwarmConfigPage handle(ListSwarmConfigs query) {
        var slice = store.list(CONFIGS, inCluster(query.accountId(), query.clusterId()), query.page());
        return new SwarmConfigPage(slice.items(), slice.page());
    }

    @QueryHandler
    public SwarmNodeView handle(FindSwarmNode query) {
        return store.find(NODES, byDockerId(query.accountId(), query.nodeId()));
    }

    @QueryHandler
    public SwarmServiceView handle(FindSwarmService query) {
        return store.find(SERVICES, byDockerId(query.accountId(), query.serviceId()));
    }

    @QueryHandler
    public SwarmSecretView handle(FindSwarmSecret query) {
        return store.find(SECRETS, byDockerId(query.accountId(), query.secretId()));
    }

    @QueryHandler
    public SwarmConfigView handle(FindSwarmConfig query) {
        return store.find(CONFIGS, byDockerId(query.accountId(), query.configId()));
    }

    @QueryHandler
    public SwarmNetworkView handle(FindSwarmNetwork query) {
        return store.find(NETWORKS, byDockerId(query.accountId(), query.networkId()));
    }

    /** Volumes are named per node, so only the cluster and the name together say which one. */
    @QueryHandler
    public SwarmVolumeView handle(FindSwarmVolume query) {
        return store.find(VOLUMES, AccountScope.of(query.accountId())
                .where(Filters.eq(CLUSTER_ID, query.clusterId()))
                .where(Filters.eq(InventoryKind.NAME, query.name())));
    }

    /** Strict equality, not {@code whereEquals}: a missing id must find nothing rather than anything. */
    private static AccountScope byDockerId(String accountId, String dockerId) {
        return AccountScope.of(accountId).where(Filters.eq(InventoryKind.ID, dockerId));
    }

    private static AccountScope inCluster(String accountId, String clusterIdOrNull) {
        return AccountScope.of(accountId).whereEquals(CLUSTER_ID, clusterIdOrNull);
    }
}
