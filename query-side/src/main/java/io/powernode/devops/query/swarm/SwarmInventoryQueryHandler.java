package io.powernode.devops.query.swarm;

import com.mongodb.client.MongoDatabase;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmConfigs;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmNetworks;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmNodes;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmSecrets;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmServices;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmTasks;
import io.powernode.devops.kernel.swarm.ClusterQueries.ListSwarmVolumes;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmConfigPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNetworkPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmNodePage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmSecretPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmServicePage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmTaskPage;
import io.powernode.devops.kernel.swarm.ClusterViews.SwarmVolumePage;
import io.powernode.devops.query.inventory.InventoryStore;
import io.powernode.devops.query.mongo.AccountScope;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import static io.powernode.devops.query.mongo.CommonFields.CLUSTER_ID;
import static io.powernode.devops.query.swarm.SwarmInventoryKinds.*;

/** Lists a cluster's (or all the account's clusters') swarm inventory, one page at a time. */
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

    private static AccountScope inCluster(String accountId, String clusterIdOrNull) {
        return AccountScope.of(accountId).whereEquals(CLUSTER_ID, clusterIdOrNull);
    }
}
